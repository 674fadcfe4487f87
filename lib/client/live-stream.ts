"use client";
import { useEffect, useSyncExternalStore } from "react";
import { LIVE_EVENT_TYPES, type LiveEventType } from "@/lib/schemas/live-event-types";
import { apiFetch } from "./fetcher";
import { addNewApplications } from "./new-applications";
import { goToSignIn, isSignedOut } from "./session-ended";

/**
 * The tab's one connection to `/api/events`, without TanStack Query or zod, so that every page can have it: the
 * console layout opens it; pages that cache (lib/client/live.ts) or redraw on the server (router.refresh) listen.
 */
export type LiveSignal =
  | { kind: "event"; type: LiveEventType; groupId?: string; jobId?: string }
  /** The stream (re)opened: at the first opening `missed` is false, after a drop it is true (events went unheard). */
  | { kind: "open"; missed: boolean };

/** Short drops are normal (a deploy, a proxy timeout); only a longer one is worth telling the operator. */
const PAUSED_AFTER_MS = 10_000;
const NOTICE_BATCH_MS = 2_000;
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

const listeners = new Set<(s: LiveSignal) => void>();
const pausedListeners = new Set<() => void>();
let paused = false;
const tell = (s: LiveSignal) => listeners.forEach((l) => l(s));
const setPaused = (next: boolean) => {
  if (next === paused) return;
  paused = next;
  pausedListeners.forEach((l) => l());
};

/** An event's data, checked by hand: only the fields the browser uses, each a string when present. */
export function parseLiveData(text: string): { groupId?: string; jobId?: string } | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const { groupId, jobId, at } = data as Record<string, unknown>;
  if (typeof at !== "string") return null;
  if ((groupId !== undefined && typeof groupId !== "string") || (jobId !== undefined && typeof jobId !== "string")) return null;
  return { groupId, jobId };
}

/** Listen to the tab's live signals; returns the way to stop. */
export function onLive(listener: (s: LiveSignal) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Opens the stream while mounted (once per tab: the console layout) and says whether it has been down a while. */
export function useLiveStream(url = "/api/events"): { paused: boolean } {
  useEffect(() => {
    let source: EventSource | null = null;
    let everOpen = false;
    let down = false;
    let backoff = RECONNECT_MIN_MS;
    let pendingApplications = 0;
    const timers: Partial<Record<"notice" | "paused" | "reconnect", ReturnType<typeof setTimeout>>> = {};

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
      const data = parseLiveData(e.data);
      if (!data) return;
      tell({ kind: "event", type, ...data });
      if (type === "application.created") countApplication();
    };
    const wentDown = () => {
      if (down) return;
      down = true;
      timers.paused = setTimeout(() => setPaused(true), PAUSED_AFTER_MS);
    };
    const cameUp = () => {
      tell({ kind: "open", missed: down && everOpen });
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
  }, [url]);
  return {
    paused: useSyncExternalStore(
      (l) => (pausedListeners.add(l), () => void pausedListeners.delete(l)),
      () => paused,
      () => false,
    ),
  };
}
