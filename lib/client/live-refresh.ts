"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { LiveEventType } from "@/lib/schemas/live-event-types";
import { onLive } from "./live-stream";

/**
 * For a page drawn on the server: an event `changes` says matters, or the stream's (re)opening, asks the server
 * for the page again (router.refresh), at most once every `everyMs` however many come. `waitFirst` makes the first
 * refresh wait a whole period too (a page just drawn is current).
 */
export function useRefreshOnLive(changes: (type: LiveEventType) => boolean, everyMs: number, waitFirst = false): void {
  const router = useRouter();
  useEffect(() => {
    let last = waitFirst ? Date.now() : 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onLive((signal) => {
      if (timer || (signal.kind === "event" && !changes(signal.type))) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          last = Date.now();
          router.refresh();
        },
        Math.max(0, last + everyMs - Date.now()),
      );
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [router, changes, everyMs, waitFirst]);
}
