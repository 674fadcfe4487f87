"use client";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { LIVE_EVENT_TYPES, liveEventDataSchema, type LiveEventType } from "@/lib/schemas/live-event";
import { apiFetch } from "./fetcher";
import { keysToInvalidate, uniqueKeys } from "./live-invalidations";
import { addNewApplications } from "./new-applications";
import { goToSignIn, isSignedOut } from "./session-ended";
import { applicationKeys, groupKeys } from "./query-keys";

/** Short drops are normal (a deploy, a proxy timeout); only a longer one is worth telling the operator. */
const PAUSED_AFTER_MS = 10_000;
const INVALIDATE_BATCH_MS = 300;
const NOTICE_BATCH_MS = 2_000;
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

export type LiveUpdates = {
  /** The stream has been down for a while; it keeps reconnecting. */
  paused: boolean;
};

function parse(text: string) {
  try {
    return liveEventDataSchema.safeParse(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * Keeps the cache current from `/api/events`: each event marks the queries it affects stale (in batches,
 * so a burst refetches once), and new applications are counted for the navigation's badge. Mount once per tab.
 */
export function useLiveEvents(url = "/api/events"): LiveUpdates {
  const queryClient = useQueryClient();
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    let source: EventSource | null = null;
    let everOpen = false;
    let down = false;
    let backoff = RECONNECT_MIN_MS;
    let pendingKeys: QueryKey[] = [];
    let pendingApplications = 0;
    const timers: Partial<Record<"flush" | "notice" | "paused" | "reconnect", ReturnType<typeof setTimeout>>> = {};

    const invalidate = (keys: QueryKey[]) => {
      pendingKeys.push(...keys);
      timers.flush ??= setTimeout(() => {
        timers.flush = undefined;
        const keys = uniqueKeys(pendingKeys);
        pendingKeys = [];
        for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
      }, INVALIDATE_BATCH_MS);
    };
    const countApplication = () => {
      pendingApplications++;
      timers.notice ??= setTimeout(() => {
        timers.notice = undefined;
        const n = pendingApplications;
        pendingApplications = 0;
        addNewApplications(n);
      }, NOTICE_BATCH_MS);
    };
    const onEvent = (type: LiveEventType) => (e: MessageEvent<string>) => {
      const data = parse(e.data);
      if (!data?.success) return;
      invalidate(keysToInvalidate({ type, groupId: data.data.groupId, jobId: data.data.jobId }));
      if (type === "application.created") countApplication();
    };

    const wentDown = () => {
      if (down) return;
      down = true;
      timers.paused = setTimeout(() => setPaused(true), PAUSED_AFTER_MS);
    };
    const cameUp = () => {
      // Whatever happened while the stream was down was not heard: refetch what is on screen. At the first
      // opening, the lists read from the console's store: the page was drawn a moment before the stream opened, and
      // what happened in between (an application copied just after the page was rendered) was heard by nobody.
      if (down && everOpen) invalidate([groupKeys.all, applicationKeys.all]);
      else if (!everOpen) invalidate([groupKeys.lists(), applicationKeys.all]);
      down = false;
      everOpen = true;
      backoff = RECONNECT_MIN_MS;
      clearTimeout(timers.paused);
      setPaused(false);
    };
    const connect = () => {
      const es = new EventSource(url);
      source = es;
      es.onopen = cameUp;
      es.onerror = () => {
        wentDown();
        // EventSource retries a dropped connection itself, but gives up for good on an HTTP error (a 401 once
        // the session ended, a 502 from a proxy during a deploy): try again, more slowly each time.
        if (es.readyState === EventSource.CLOSED) {
          es.close();
          // EventSource does not say why; if the session ended, the page goes to sign-in now, not at its next fetch.
          apiFetch("/api/me").catch((err) => isSignedOut(err) && goToSignIn(err));
          timers.reconnect = setTimeout(connect, backoff);
          backoff = Math.min(backoff * 2, RECONNECT_MAX_MS);
        }
      };
      for (const type of LIVE_EVENT_TYPES) es.addEventListener(type, onEvent(type));
    };

    connect();
    return () => {
      source?.close();
      for (const t of Object.values(timers)) clearTimeout(t);
    };
  }, [queryClient, url]);

  return { paused };
}
