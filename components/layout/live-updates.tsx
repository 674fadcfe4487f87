"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useLiveEvents } from "@/lib/client/live";
import { LiveNotice } from "./live-notice";

/** Keeps every open view current from the server's events; speaks up only for new applications or a long outage. */
export function LiveUpdates() {
  const { paused, newApplications, clearNewApplications } = useLiveEvents();
  const t = useTranslations("Live");
  return (
    <div className="pointer-events-none fixed right-4 bottom-4 z-40 flex max-w-sm flex-col items-end gap-2">
      <LiveNotice>
        {newApplications > 0 && (
          <>
            <span>{t("newApplications", { count: newApplications })}</span>
            <Link href="/applications" onClick={clearNewApplications} className="font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-200">
              {t("review")}
            </Link>
            <button
              type="button"
              onClick={clearNewApplications}
              aria-label={t("dismiss")}
              className="rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
            >
              ×
            </button>
          </>
        )}
      </LiveNotice>
      <LiveNotice muted>{paused && t("paused")}</LiveNotice>
    </div>
  );
}
