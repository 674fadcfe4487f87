"use client";
import { useFormatter, useNow } from "next-intl";
import { useCallback, useSyncExternalStore } from "react";
import { elapsedSince, everySecond, hearRenderedAt, tickNow } from "@/lib/client/server-clock";

/**
 * "3 seconds ago" in the reader's language, by the server's clock (the browser's may be off), kept current.
 * The server renders it at the page's render time, and hydration reuses that very time (i18n/request.ts sets
 * it), so both renders say the same words; the browser then moves on to its estimate of the server's now.
 */
export function Age({ iso }: { iso: string }) {
  const format = useFormatter();
  // Without an update interval, next-intl answers the `now` of the request config: the page's render time.
  const renderedAt = useNow().getTime();
  const at = Date.parse(iso);
  const words = (now: number) => format.relativeTime(at, at + elapsedSince(at, now));
  const subscribe = useCallback(
    (onTick: () => void) => {
      hearRenderedAt(renderedAt);
      return everySecond(onTick);
    },
    [renderedAt],
  );
  const text = useSyncExternalStore(
    subscribe,
    () => words(tickNow()),
    () => words(renderedAt),
  );
  return <time dateTime={iso}>{text}</time>;
}
