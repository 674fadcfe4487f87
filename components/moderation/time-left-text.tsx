"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { everySecond, tickNow } from "@/lib/client/server-clock";
import { timeLeft, timeLeftWords, type TimeLeft } from "./time-left";

/**
 * "52 min left" on screen, "52 minutes left" for screen readers (abbreviations read badly), by the server's
 * clock and kept current; the end itself is the `<time>`'s machine-readable value.
 */
export function TimeLeftText({ until }: { until: string | null }) {
  const t = useTranslations("Moderation");
  const format = useFormatter();
  const words = (left: TimeLeft, display: "short" | "long") =>
    timeLeftWords(
      left,
      display,
      (key, values) => t(key, values),
      (value, options) => format.number(value, options),
    );
  // The snapshot is the words, so a mute ending in days re-renders once an hour, not once a second.
  const text = useSyncExternalStore(
    everySecond,
    () => JSON.stringify(timeLeft(until, tickNow())),
    () => JSON.stringify(until === null ? { kind: "forever" } : { kind: "left", parts: [] }),
  );
  const left = JSON.parse(text) as TimeLeft;
  if (left.kind === "left" && left.parts.length === 0) return <span aria-busy="true" />;
  return (
    <time dateTime={until ?? undefined} className="whitespace-nowrap">
      <span aria-hidden="true">{words(left, "short")}</span>
      <span className="sr-only">{words(left, "long")}</span>
    </time>
  );
}
