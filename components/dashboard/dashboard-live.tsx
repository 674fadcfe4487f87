"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { onLive } from "@/lib/client/live-stream";

/** At most one refresh this often, however many applications arrive or are decided meanwhile. */
const REFRESH_EVERY_MS = 5_000;

/** The events that change the statistics (the same that make `applicationKeys.stats()` stale in lib/client/live-invalidations.ts). */
const CHANGES_STATS = new Set(["member.joined", "group.dismissed", "application.created", "application.handled"]);

/**
 * Keeps the dashboard current. Its figures are drawn on the server, so nothing here holds them: an event that
 * changes them asks the server for the page again, at most once every few seconds; so does the stream's opening
 * (what happened between the render and the opening was heard by no one).
 */
export function DashboardLive() {
  const router = useRouter();
  useEffect(() => {
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onLive((signal) => {
      if (timer || (signal.kind === "event" && !CHANGES_STATS.has(signal.type))) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          last = Date.now();
          router.refresh();
        },
        Math.max(0, last + REFRESH_EVERY_MS - Date.now()),
      );
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [router]);
  return null;
}
