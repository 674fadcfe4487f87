import { FOREVER_SECONDS } from "@/lib/schemas/constants";

/**
 * How long a mute or ban lasts, as the dialogs offer it, turned into the seconds the BFF takes. The IM server
 * stores the time as an unsigned 32-bit number of seconds, and 4294967295 means forever.
 */
export { FOREVER_SECONDS };

export const UNIT_SECONDS = { minutes: 60, hours: 3_600, days: 86_400 } as const;
export type DurationUnit = keyof typeof UNIT_SECONDS;
export const DURATION_UNITS = Object.keys(UNIT_SECONDS) as DurationUnit[];

/** What each dialog offers, in order; "custom" reads the amount and unit typed beside it. */
export const MUTE_CHOICES = ["10m", "1h", "1d", "custom", "forever"] as const;
export const BAN_CHOICES = ["1d", "7d", "30d", "custom", "forever"] as const;
export type DurationChoice = (typeof MUTE_CHOICES)[number] | (typeof BAN_CHOICES)[number];

const PRESET_SECONDS: Record<Exclude<DurationChoice, "custom">, number> = {
  "10m": 10 * 60,
  "1h": 3_600,
  "1d": 86_400,
  "7d": 7 * 86_400,
  "30d": 30 * 86_400,
  forever: FOREVER_SECONDS,
};

/** A custom length as typed: the amount's text and its unit. */
export type CustomDuration = { amount: string; unit: DurationUnit };
/** Why a custom length is refused: a key of the `Moderation.duration.errors` messages, and its values. */
export type DurationProblem = { key: string; values?: Record<string, string | number> };
export type DurationResult = { ok: true; seconds: number } | { ok: false; problem: DurationProblem };

/**
 * A custom length must be a whole number of minutes, hours or days, at least one, within the IM server's range.
 * Checked by hand: a few lines, where a schema would bring zod onto every page that shows "Refuse and ban".
 */
export function durationSeconds(choice: DurationChoice, custom: CustomDuration): DurationResult {
  if (choice !== "custom") return { ok: true, seconds: PRESET_SECONDS[choice] };
  const text = custom.amount.trim();
  if (!/^\d+$/.test(text)) return { ok: false, problem: { key: "whole", values: {} } };
  const seconds = Number(text) * UNIT_SECONDS[custom.unit];
  if (seconds < 1) return { ok: false, problem: { key: "atLeastOne", values: {} } };
  if (seconds > FOREVER_SECONDS)
    return {
      ok: false,
      problem: { key: "tooLong", values: { max: Math.floor(FOREVER_SECONDS / UNIT_SECONDS[custom.unit]), unit: custom.unit } },
    };
  return { ok: true, seconds };
}
