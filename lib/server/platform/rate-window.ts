/** At most `max` failures in any sliding window of `windowMs`. */
export type WindowRule = { max: number; windowMs: number };

export type WindowDecision = { limited: boolean; retryAfterMs: number };

/**
 * Given the times of past failures, may another attempt be made at `now`? When not, `retryAfterMs` is how long
 * until enough failures have aged out of the window for one more attempt.
 */
export function decide(failuresAt: readonly number[], now: number, rule: WindowRule): WindowDecision {
  const recent = failuresAt.filter((t) => t > now - rule.windowMs && t <= now).sort((a, b) => a - b);
  if (recent.length < rule.max) return { limited: false, retryAfterMs: 0 };
  // The attempt is allowed again once only max - 1 failures remain inside the window.
  const mustExpire = recent[recent.length - rule.max];
  return { limited: true, retryAfterMs: mustExpire + rule.windowMs - now };
}
