"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

const noop = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A moment in the reader's language and time zone. The server cannot know that zone, so the first render
 * (server and hydration) says UTC, and the browser switches to local time at once, without a mismatch.
 */
export function LocalTime({ iso, time = "medium" }: { iso: string; time?: "medium" | "short" | "none" }) {
  const format = useFormatter();
  const t = useTranslations("Common");
  const zone = useSyncExternalStore(noop, browserZone, () => null);
  const options = time === "none" ? ({ dateStyle: "medium" } as const) : ({ dateStyle: "medium", timeStyle: time } as const);
  const date = new Date(iso);
  const text = zone ? format.dateTime(date, { ...options, timeZone: zone }) : format.dateTime(date, { ...options, timeZone: "UTC" });
  return <time dateTime={iso}>{zone || time === "none" ? text : t("utc", { time: text })}</time>;
}
