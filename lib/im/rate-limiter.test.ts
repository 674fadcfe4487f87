import { beforeEach, describe, expect, it } from "vitest";
import { createRateLimiter as createLimiter, type RateLimits } from "./rate-limiter";

// A fake clock that jumps forward whenever the limiter sleeps, so the tests run instantly and measure the
// limiter's decisions, not the machine's speed. Only the limiter's own sleeps move it (not vitest's timers).
let clock = 0;
beforeEach(() => {
  clock = 0;
});
const fakeSleep = async (ms: number) => {
  clock += ms;
};
const createRateLimiter = (limits: RateLimits, now: () => number) => createLimiter(limits, now, fakeSleep);

describe("the per-command sliding window", () => {
  it("never lets more than the limit into any one-second window", async () => {
    const limiter = createRateLimiter({ perCommand: { slow: 2 }, default: 5 }, () => clock);
    const granted: number[] = [];
    await Promise.all(Array.from({ length: 7 }, () => limiter.acquire("slow").then(() => granted.push(clock))));
    expect(granted).toHaveLength(7);
    for (const t of granted) expect(granted.filter((u) => u > t - 1000 && u <= t).length).toBeLessThanOrEqual(2);
    // …and it does not wait longer than it must: 7 calls at 2/s need just over 3 seconds.
    expect(Math.max(...granted)).toBeLessThan(3100);
  });

  it("keeps commands apart: a busy command does not hold up another", async () => {
    const limiter = createRateLimiter({ perCommand: { list: 1 }, default: 200 }, () => clock);
    await limiter.acquire("list");
    await limiter.acquire("get_group_info");
    expect(clock).toBe(0);
    await limiter.acquire("list");
    expect(clock).toBeGreaterThanOrEqual(1000);
  });

  it("moves a call's place in the window to when its answer came, the latest it can have reached the server", async () => {
    const limiter = createRateLimiter({ perCommand: {}, default: 2 }, () => clock);
    const first = await limiter.acquire("cmd");
    const second = await limiter.acquire("cmd");
    second();
    clock += 300; // the first call's answer takes 300 ms
    first();
    const third = await limiter.acquire("cmd").then(() => clock);
    const fourth = await limiter.acquire("cmd").then(() => clock);
    expect(third).toBeGreaterThanOrEqual(1000);
    expect(fourth).toBeGreaterThanOrEqual(1300);
  });

  it("spreads a fractional budget (a share of several instances) over longer windows", async () => {
    const limiter = createRateLimiter({ perCommand: { list: 0.5 }, default: 200 }, () => clock);
    const granted: number[] = [];
    for (let i = 0; i < 3; i++) await limiter.acquire("list").then(() => granted.push(clock));
    expect(granted[1] - granted[0]).toBeGreaterThanOrEqual(2000);
    expect(granted[2] - granted[1]).toBeGreaterThanOrEqual(2000);
  });
});
