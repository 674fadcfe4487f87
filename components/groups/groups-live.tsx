"use client";
import { keysToInvalidate } from "@/lib/client/live-invalidations";
import { useRefreshOnLive } from "@/lib/client/live-refresh";
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
  useRefreshOnLive(touchesLists, REFRESH_EVERY_MS);
  return null;
}
