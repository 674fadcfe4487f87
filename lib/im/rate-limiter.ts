/**
 * A sliding one-second window per command: no window of 1000 ms ever holds more than the command's limit
 * (Tencent counts per second; a fixed-bucket limiter can let twice the limit through across a boundary).
 * Limits are calls per second and may be fractional (a budget split between console instances): 0.5
 * means one call in any window of 2000 ms.
 */
export type RateLimits = { perCommand: Record<string, number>; default: number };

export const TENCENT_RATE_LIMITS: RateLimits = { perCommand: { get_appid_group_list: 1 }, default: 200 };

const WINDOW_MS = 1000;

/** Calls per second as whole calls per window: 200 → 200 per second, 66.7 → 66 per second, 0.5 → 1 per 2 s. */
export function windowOf(perSecond: number): { limit: number; windowMs: number } {
  return perSecond >= 1 ? { limit: Math.floor(perSecond), windowMs: WINDOW_MS } : { limit: 1, windowMs: Math.ceil(WINDOW_MS / perSecond) };
}

export function createRateLimiter(limits: RateLimits, now: () => number = () => performance.now()) {
  const sent = new Map<string, number[]>();
  // Waiters per command run in order, so a burst is spread over the windows instead of stampeding.
  const queues = new Map<string, Promise<void>>();

  async function take(command: string): Promise<void> {
    const { limit, windowMs } = windowOf(limits.perCommand[command] ?? limits.default);
    const times = sent.get(command) ?? [];
    sent.set(command, times);
    for (;;) {
      const t = now();
      while (times.length && times[0] <= t - windowMs) times.shift();
      if (times.length < limit) {
        times.push(t);
        return;
      }
      await new Promise((r) => setTimeout(r, times[0] + windowMs - t + 1));
    }
  }

  return {
    acquire(command: string): Promise<void> {
      const previous = queues.get(command) ?? Promise.resolve();
      const mine = previous.then(() => take(command));
      queues.set(command, mine);
      return mine;
    },
  };
}
