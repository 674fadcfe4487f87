"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { keysToInvalidate } from "@/lib/client/live-invalidations";
import { onLive } from "@/lib/client/live-stream";
import { groupKeys } from "@/lib/client/query-keys";

/** However busy the app, the list is drawn again at most this often. */
const REFRESH_EVERY_MS = 1_000;

const LISTS = JSON.stringify(groupKeys.lists());
const touchesLists = (type: Parameters<typeof keysToInvalidate>[0]["type"]) =>
  keysToInvalidate({ type }).some((key) => JSON.stringify(key) === LISTS);

/**
 * Keeps the server-drawn list current: an event that changes the lists (the same that make them stale in
 * lib/client/live-invalidations.ts), or the stream's (re)opening, asks the server for the page again, throttled.
 * The controls keep their state: a refresh redraws the server's part only.
 */
export function GroupsLive() {
  const router = useRouter();
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onLive((signal) => {
      if (timer || (signal.kind === "event" && !touchesLists(signal.type))) return;
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
