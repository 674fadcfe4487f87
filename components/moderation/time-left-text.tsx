"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { everySecond, tickNow } from "@/lib/client/server-clock";
import { timeLeft, type TimeLeft } from "./time-left";

const UNITS = { day: "day", hour: "hour", minute: "minute" } as const;

/**
 * "52 min left" on screen, "52 minutes left" for screen readers (abbreviations read badly), by the server's
 * clock and kept current; the end itself is the `<time>`'s machine-readable value.
 */
export function TimeLeftText({ until }: { until: string | null }) {
  const t = useTranslations("Moderation");
  const format = useFormatter();
  const words = (left: TimeLeft, display: "short" | "long") => {
    if (left.kind === "forever") return t("forever");
    if (left.kind === "over") return t("over");
    const [big, small] = left.parts.map((p) => format.number(p.value, { style: "unit", unit: UNITS[p.unit], unitDisplay: display }));
    return t("timeLeft", { time: small ? t("twoUnits", { big: big!, small }) : big! });
  };
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
