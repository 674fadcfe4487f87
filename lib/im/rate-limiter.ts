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

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Call it when the answer has come: the call's place in the window moves to that moment. */
export type Answered = () => void;

/**
 * Tencent counts calls where they arrive, and a call let through at t can arrive well after t (a busy event
 * loop, a new connection, a pause for garbage collection), so the next second's calls could meet it inside one
 * of the server's windows. Once its answer has come, a call's place in the window moves to that moment, the
 * latest it can have arrived: the call let into that place a window later cannot reach the server any sooner.
 * (Without it, one-second windows at the local IM server held up to 207 calls at a limit of 200.)
 */
export function createRateLimiter(
  limits: RateLimits,
  now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = realSleep,
) {
  const slots = new Map<string, { at: number }[]>();
  // Waiters per command run in order, so a burst is spread over the windows instead of stampeding.
  const queues = new Map<string, Promise<unknown>>();

  async function take(command: string): Promise<Answered> {
    const { limit, windowMs } = windowOf(limits.perCommand[command] ?? limits.default);
    const taken = slots.get(command) ?? [];
    slots.set(command, taken);
    for (;;) {
      const t = now();
      for (let i = taken.length - 1; i >= 0; i--) if (taken[i].at <= t - windowMs) taken.splice(i, 1);
      if (taken.length < limit) {
        const slot = { at: t };
        taken.push(slot);
        return () => void (slot.at = Math.max(slot.at, now()));
      }
      await sleep(Math.min(...taken.map((s) => s.at)) + windowMs - t + 1);
    }
  }

  return {
    acquire(command: string): Promise<Answered> {
      const previous = queues.get(command) ?? Promise.resolve();
      const mine = previous.then(() => take(command));
      queues.set(command, mine);
      return mine;
    },
  };
}
