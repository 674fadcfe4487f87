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

/**
 * Tencent counts calls where they arrive. Two calls let through 1000 ms apart can arrive closer together (the
 * first one waited longer for a busy event loop or a connection), so the gateway stretches each window by this
 * much: at the local IM server, windows of exactly one second held up to 207 calls at a limit of 200 without it.
 */
export const ARRIVAL_MARGIN_MS = 50;

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createRateLimiter(limits: RateLimits, now: () => number = () => performance.now(), marginMs = 0, sleep: (ms: number) => Promise<void> = realSleep) {
  const sent = new Map<string, number[]>();
  // Waiters per command run in order, so a burst is spread over the windows instead of stampeding.
  const queues = new Map<string, Promise<void>>();

  async function take(command: string): Promise<void> {
    const { limit, windowMs: ownWindowMs } = windowOf(limits.perCommand[command] ?? limits.default);
    const windowMs = ownWindowMs + marginMs;
    const times = sent.get(command) ?? [];
    sent.set(command, times);
    for (;;) {
      const t = now();
      while (times.length && times[0] <= t - windowMs) times.shift();
      if (times.length < limit) {
        times.push(t);
        return;
      }
      await sleep(times[0] + windowMs - t + 1);
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
