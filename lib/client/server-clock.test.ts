import { afterEach, describe, expect, it, vi } from "vitest";
import {
  elapsedSince,
  everySecond,
  fromDateHeader,
  hear,
  narrow,
  NOTHING_HEARD,
  offsetOf,
  serverNow,
  tickNow,
  type Window,
} from "./server-clock";

// A browser whose clock runs 28.3 s ahead of the server's, asking at browser time `sentAt`; the server stamps
// its answer `latency` ms later with an HTTP Date header (whole seconds, rounded down), heard `latency` after.
const SKEW = 28_300;
const serverTimeAt = (browserMs: number) => browserMs - SKEW;
const httpDate = (serverMs: number) => new Date(Math.floor(serverMs / 1000) * 1000).toUTCString();

function answer(sentAt: number, latency = 40) {
  const stampedAt = sentAt + latency;
  return fromDateHeader(httpDate(serverTimeAt(stampedAt)), sentAt, stampedAt + latency)!;
}

describe("the server's clock from the browser", () => {
  it("before any answer, the browser's own clock is all there is", () => {
    expect(offsetOf(NOTHING_HEARD)).toBe(0);
  });

  it("one answer puts the offset within a second and a round trip of the truth", () => {
    const w = narrow(NOTHING_HEARD, answer(1_700_000_000_250));
    expect(w.lo).toBeLessThanOrEqual(-SKEW);
    expect(w.hi).toBeGreaterThanOrEqual(-SKEW);
    expect(w.hi - w.lo).toBeLessThanOrEqual(1000 + 80);
  });

  it("answers at different moments of the second narrow it to well under a second", () => {
    let w: Window = NOTHING_HEARD;
    const start = 1_700_000_000_000;
    for (const [i, ms] of [130, 610, 870, 390, 990, 20].entries()) w = narrow(w, answer(start + i * 7000 + ms));
    expect(Math.abs(offsetOf(w) - -SKEW)).toBeLessThan(150);
  });

  it("an event 2 s old reads as 2 s old, though the browser's clock is 28 s ahead", () => {
    let w: Window = NOTHING_HEARD;
    const browserNow = 1_700_000_100_000;
    for (const ms of [130, 610, 870, 390]) w = narrow(w, answer(browserNow - 60_000 + ms * 11));
    const eventAt = serverTimeAt(browserNow) - 2000;
    const serverNow = browserNow + offsetOf(w);
    expect(Math.round(elapsedSince(eventAt, serverNow) / 1000)).toBe(2);
    // What the browser's clock alone says: half a minute.
    expect(Math.round(elapsedSince(eventAt, browserNow) / 1000)).toBe(30);
  });

  it("an answer that contradicts the window (a clock was set) starts a new one", () => {
    const before = narrow(NOTHING_HEARD, answer(1_700_000_000_250));
    const setForward = 3_600_000; // the browser's clock jumps an hour ahead: the server's now looks an hour earlier
    const after = narrow(
      before,
      fromDateHeader(httpDate(serverTimeAt(1_700_000_010_000)), 1_700_000_010_000 + setForward - 40, 1_700_000_010_000 + setForward + 40)!,
    );
    expect(Math.abs(offsetOf(after) - (-SKEW - setForward))).toBeLessThan(600);
  });

  it("an event is never in the future: the estimate's error reads as just now", () => {
    expect(elapsedSince(1000, 400)).toBe(0);
    expect(elapsedSince(1000, 3500)).toBe(2500);
  });

  it("an answer without a readable Date header says nothing", () => {
    expect(fromDateHeader(null, 0, 1)).toBeNull();
    expect(fromDateHeader("yesterday-ish", 0, 1)).toBeNull();
  });
});

describe("the page's clock", () => {
  afterEach(() => vi.useRealTimers());

  it("runs on the server's time once answers are heard, and holds still between ticks", () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_700_000_000_000);
    for (const ms of [130, 610, 870, 390, 990]) {
      vi.setSystemTime(Date.now() + 5000 + ms);
      hear(answer(Date.now() - 80));
    }
    expect(Math.abs(serverNow() - serverTimeAt(Date.now()))).toBeLessThan(200);

    const told = vi.fn();
    const stop = everySecond(told);
    const first = tickNow();
    vi.setSystemTime(Date.now() + 400); // the browser's clock moves, but no tick yet: a React snapshot must not change
    expect(tickNow()).toBe(first);
    vi.advanceTimersByTime(1000);
    expect(told).toHaveBeenCalledTimes(1);
    expect(tickNow()).toBeGreaterThan(first);
    stop();
    vi.advanceTimersByTime(3000);
    expect(told).toHaveBeenCalledTimes(1);
  });
});
