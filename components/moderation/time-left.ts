/**
 * How long a mute or ban still runs, in at most two units ("3 hr 12 min", "2 days 5 hr"), rounded up so that
 * a mute never reads as over while it still holds. `until` null is forever.
 */
export type TimeUnit = "day" | "hour" | "minute";
export type TimeLeft = { kind: "forever" } | { kind: "over" } | { kind: "left"; parts: { unit: TimeUnit; value: number }[] };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Past this, the IM server's "forever" (4294967295 s from the start) is shown as forever, not as a date in 2160. */
const FOREVER_AFTER_MS = 100 * 365 * DAY;

export function timeLeft(until: string | null, now: number): TimeLeft {
  if (until === null) return { kind: "forever" };
  const end = Date.parse(until);
  if (!Number.isFinite(end) || end - now >= FOREVER_AFTER_MS) return { kind: "forever" };
  const left = end - now;
  if (left <= 0) return { kind: "over" };
  const minutes = Math.ceil(left / MINUTE);
  // Up to the hour in minutes: a mute of an hour reads "60 min left", then "59 min left".
  if (minutes <= 60) return { kind: "left", parts: [{ unit: "minute", value: minutes }] };
  if (left < DAY) {
    const hours = Math.floor(minutes / 60);
    return { kind: "left", parts: withRest({ unit: "hour", value: hours }, { unit: "minute", value: minutes - hours * 60 }) };
  }
  const hours = Math.ceil(left / HOUR);
  const days = Math.floor(hours / 24);
  return { kind: "left", parts: withRest({ unit: "day", value: days }, { unit: "hour", value: hours - days * 24 }) };
}

const withRest = (big: { unit: TimeUnit; value: number }, rest: { unit: TimeUnit; value: number }) =>
  rest.value > 0 ? [big, rest] : [big];

/** The words of a time left, given the `Moderation` messages and a number formatter (unit style). */
export function timeLeftWords(
  left: TimeLeft,
  display: "short" | "long",
  t: (key: "forever" | "over" | "timeLeft" | "twoUnits", values?: Record<string, string>) => string,
  number: (value: number, options: { style: "unit"; unit: TimeUnit; unitDisplay: "short" | "long" }) => string,
): string {
  if (left.kind === "forever") return t("forever");
  if (left.kind === "over") return t("over");
  const [big, small] = left.parts.map((p) => number(p.value, { style: "unit", unit: p.unit, unitDisplay: display }));
  return t("timeLeft", { time: small ? t("twoUnits", { big: big!, small }) : (big ?? "") });
}
