"use client";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { useEffect } from "react";
import { keysToInvalidate, uniqueKeys } from "./live-invalidations";
import { onLive } from "./live-stream";
import { applicationKeys, groupKeys } from "./query-keys";

const INVALIDATE_BATCH_MS = 300;

/**
 * Keeps a page's cache current from the tab's live stream (lib/client/live-stream.ts): each event marks the
 * queries it affects stale, in batches, so a burst refetches once. Mounted by the pages that cache (QueryProvider).
 */
export function useLiveInvalidations(queryClient: QueryClient): void {
  useEffect(() => {
    let pendingKeys: QueryKey[] = [];
    let flush: ReturnType<typeof setTimeout> | undefined;
    const invalidate = (keys: readonly QueryKey[]) => {
      pendingKeys.push(...keys);
      flush ??= setTimeout(() => {
        flush = undefined;
        const keys = uniqueKeys(pendingKeys);
        pendingKeys = [];
        for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
      }, INVALIDATE_BATCH_MS);
    };
    const stop = onLive((signal) => {
      if (signal.kind === "event") return invalidate(keysToInvalidate(signal));
      // Whatever happened while the stream was down was not heard: refetch what is on screen. At the first
      // opening, the lists read from the console's store: the page was drawn a moment before the stream opened, and
      // what happened in between (an application copied just after the page was rendered) was heard by nobody.
      invalidate(signal.missed ? [groupKeys.all, applicationKeys.all] : [groupKeys.lists(), applicationKeys.all]);
    });
    return () => {
      stop();
      clearTimeout(flush);
    };
  }, [queryClient]);
}
