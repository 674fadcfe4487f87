/** A decision time in the largest unit that keeps it readable: seconds, minutes, hours, then days. */
export function durationParts(seconds: number): { value: number; unit: "second" | "minute" | "hour" | "day" } {
  if (seconds < 90) return { value: Math.round(seconds), unit: "second" };
  if (seconds < 90 * 60) return { value: Math.round(seconds / 60), unit: "minute" };
  if (seconds < 36 * 3600) return { value: Math.round(seconds / 360) / 10, unit: "hour" };
  return { value: Math.round(seconds / 8640) / 10, unit: "day" };
}
