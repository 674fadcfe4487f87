"use client";
import Link from "next/link";
import { useLiveEvents } from "@/lib/client/live";
import { LiveNotice } from "./live-notice";

/** Keeps every open view current from the server's events; speaks up only for new applications or a long outage. */
export function LiveUpdates() {
  const { paused, newApplications, clearNewApplications } = useLiveEvents();
  return (
    <div className="pointer-events-none fixed right-4 bottom-4 z-40 flex max-w-sm flex-col items-end gap-2">
      <LiveNotice>
        {newApplications > 0 && (
          <>
            <span>
              {newApplications.toLocaleString("en")} new application{newApplications === 1 ? "" : "s"}
            </span>
            <Link href="/applications" onClick={clearNewApplications} className="font-medium text-indigo-700 underline hover:text-indigo-900">
              Review
            </Link>
            <button type="button" onClick={clearNewApplications} aria-label="Dismiss" className="rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800">
              ×
            </button>
          </>
        )}
      </LiveNotice>
      <LiveNotice muted>{paused && "Live updates paused — reconnecting…"}</LiveNotice>
    </div>
  );
}
