"use client";
import { useSyncExternalStore } from "react";

const local = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });
const utc = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const noop = () => () => {};

/**
 * A moment in the reader's time zone. The server cannot know that zone, so the first render (server and
 * hydration) says UTC, and the browser switches to local time at once, without a hydration mismatch.
 */
export function LocalTime({ iso }: { iso: string }) {
  const inBrowser = useSyncExternalStore(noop, () => true, () => false);
  const date = new Date(iso);
  return <time dateTime={iso}>{inBrowser ? local.format(date) : `${utc.format(date)} UTC`}</time>;
}
