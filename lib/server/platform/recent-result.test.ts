import { describe, expect, it } from "vitest";
import { recentResult } from "./recent-result";

/** A check that answers when the story says so, and counts how often it ran. */
function heldCheck() {
  const runs: ((answer: string) => void)[] = [];
  const fail: ((err: Error) => void)[] = [];
  const check = () =>
    new Promise<string>((resolve, reject) => {
      runs.push(resolve);
      fail.push(reject);
    });
  return { check, runs, answer: (text: string) => runs.at(-1)!(text), fail: (err: Error) => fail.at(-1)!(err) };
}

function clock() {
  let ms = 1_000;
  return { now: () => ms, advance: (by: number) => void (ms += by) };
}

describe("a result kept for 2 s", () => {
  it("twenty callers at once share one check in flight, and all get its answer", async () => {
    const held = heldCheck();
    const time = clock();
    const recent = recentResult(held.check, 2_000, time.now);

    const asked = Array.from({ length: 20 }, () => recent());
    expect(held.runs).toHaveLength(1);
    held.answer("first");
    expect(await Promise.all(asked)).toEqual(Array(20).fill("first"));
  });

  it("answers from that result for 2 s after it came, however often it is asked; then checks again", async () => {
    const held = heldCheck();
    const time = clock();
    const recent = recentResult(held.check, 2_000, time.now);

    const first = recent();
    held.answer("first");
    await first;
    for (let i = 0; i < 20; i++) {
      time.advance(99);
      expect(await recent()).toBe("first");
    }
    expect(held.runs).toHaveLength(1);

    time.advance(20);
    const second = recent();
    expect(held.runs).toHaveLength(2);
    held.answer("second");
    expect(await second).toBe("second");
  });

  it("shares a check slower than 2 s with everyone who asks while it runs: never two at once", async () => {
    const held = heldCheck();
    const time = clock();
    const recent = recentResult(held.check, 2_000, time.now);

    const first = recent();
    time.advance(4_500);
    const late = recent();
    expect(held.runs).toHaveLength(1);
    held.answer("slow");
    expect([await first, await late]).toEqual(["slow", "slow"]);

    // Its answer is as old as the moment it came: good for 2 s from then, whenever the check began.
    time.advance(1_999);
    expect(await recent()).toBe("slow");
    time.advance(1);
    const next = recent();
    expect(held.runs).toHaveLength(2);
    held.answer("fresh");
    expect(await next).toBe("fresh");
  });

  it("keeps no failure: the callers of a check that threw get its error, the next caller a new check", async () => {
    const held = heldCheck();
    const time = clock();
    const recent = recentResult(held.check, 2_000, time.now);

    const failing = [recent(), recent()];
    held.fail(new Error("down"));
    for (const p of failing) await expect(p).rejects.toThrow("down");

    const again = recent();
    expect(held.runs).toHaveLength(2);
    held.answer("up");
    expect(await again).toBe("up");
  });
});
