import { describe, expect, it } from "vitest";
import { decide } from "./rate-window";

const rule = { max: 3, windowMs: 1000 };

describe("decide", () => {
  it("allows attempts while failures are under the limit", () => {
    expect(decide([], 5000, rule)).toEqual({ limited: false, retryAfterMs: 0 });
    expect(decide([4100, 4200], 5000, rule).limited).toBe(false);
  });

  it("limits at the max-th failure inside the window", () => {
    expect(decide([4100, 4200, 4300], 5000, rule)).toEqual({ limited: true, retryAfterMs: 100 });
  });

  it("forgets failures that have left the window, and those exactly at its edge", () => {
    expect(decide([1000, 2000, 4000, 4500], 5000, rule).limited).toBe(false);
    expect(decide([4000, 4500, 4900], 5000, rule).limited).toBe(false);
    expect(decide([4001, 4500, 4900], 5000, rule).limited).toBe(true);
  });

  it("waits for enough old failures to expire when far over the limit", () => {
    // Five failures, limit three: the third-newest (4300) must leave the window.
    expect(decide([4500, 4100, 4300, 4200, 4400], 5000, rule)).toEqual({ limited: true, retryAfterMs: 300 });
  });

  it("ignores failures stamped in the future (clock skew between instances)", () => {
    expect(decide([4800, 4900, 6000], 5000, rule).limited).toBe(false);
  });
});
