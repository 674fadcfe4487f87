/**
 * The server's clock, as the browser can know it. Every time shown comes from the server, so "how long ago"
 * must be measured against the server's now: the browser's clock may be off by seconds, or by hours.
 *
 * Whatever the server says its time is was true at some browser moment between asking and hearing back, so
 * each such answer bounds the offset (server − browser):
 *     stamp − receivedAt  ≤  offset  ≤  stamp + resolution − sentAt
 * (resolution: an HTTP Date header says whole seconds, rounded down). Answers narrow the window one after
 * another; one that falls outside it means a clock was set meanwhile, and starts a new window.
 */
export type Window = { lo: number; hi: number };
export type Sample = { stamp: number; resolution: number; sentAt: number; receivedAt: number };

export const NOTHING_HEARD: Window = { lo: -Infinity, hi: Infinity };

export function narrow(w: Window, s: Sample): Window {
  const lo = s.stamp - s.receivedAt;
  const hi = s.stamp + s.resolution - s.sentAt;
  const both = { lo: Math.max(w.lo, lo), hi: Math.min(w.hi, hi) };
  return both.lo <= both.hi ? both : { lo, hi };
}

/** The window's middle, so the error is at most half its width; before any answer, the browser's own clock. */
export const offsetOf = (w: Window): number => (Number.isFinite(w.lo) && Number.isFinite(w.hi) ? (w.lo + w.hi) / 2 : 0);

/** What an answer's Date header says, or null without a readable one. */
export function fromDateHeader(header: string | null, sentAt: number, receivedAt: number): Sample | null {
  const stamp = header ? Date.parse(header) : NaN;
  return Number.isFinite(stamp) ? { stamp, resolution: 1000, sentAt, receivedAt } : null;
}

/** How long ago `at` was at `now`, never in the future: a window's error must not read as "in 1 second". */
export const elapsedSince = (at: number, now: number): number => Math.max(0, now - at);

let known = NOTHING_HEARD;

export function hear(sample: Sample | null): void {
  if (sample) known = narrow(known, sample);
}

/** The page's render time (milliseconds), rendered after this document was asked for and read now. */
export function hearRenderedAt(stamp: number): void {
  hear({ stamp, resolution: 0, sentAt: performance.timeOrigin, receivedAt: Date.now() });
}

export const serverNow = (): number => Date.now() + offsetOf(known);

// One timer for every relative time on the page: each listener is told once a second and re-renders only
// when its words change, so "5 seconds ago" counts up while "3 days ago" costs nothing.
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let tick = 0;

/** The server's now, the same between two ticks (a React store's snapshot must not change on every read). */
export const tickNow = (): number => (timer === undefined ? serverNow() : tick);

export function everySecond(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    tick = serverNow();
    timer = setInterval(() => {
      tick = serverNow();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
