import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LiveEvent } from "@/lib/schemas/live-event";
import { getBus } from "@/lib/server/live/bus";
import { MESSAGE_WINDOW_MS, publishMessageSent } from "./message-events";

// A lively group's messages reach every open console as a few events, not one per message.
let published: LiveEvent[] = [];
getBus().subscribe((e) => void published.push(e));
const sent = (groupId: string, userId: string, at: string) => publishMessageSent({ type: "message.sent", groupId, userId, at });
const shape = (e: LiveEvent) => [e.groupId, e.userId, e.count];

beforeEach(() => {
  vi.useFakeTimers();
  published = [];
});
afterEach(() => vi.useRealTimers());

describe("message.sent, gathered per group", () => {
  it("the first message of a quiet group goes out at once; the rest of its second go out as one event with their count", () => {
    for (let i = 1; i <= 10; i++) sent("g1", `u${i}`, `t${i}`);
    expect(published.map(shape)).toEqual([["g1", "u1", undefined]]);
    vi.advanceTimersByTime(MESSAGE_WINDOW_MS);
    expect(published.map(shape)).toEqual([
      ["g1", "u1", undefined],
      ["g1", "u10", 9],
    ]);
    expect(published[1].at).toBe("t10");
  });

  it("another group is not held back by a busy one", () => {
    sent("busy", "a", "t1");
    sent("busy", "b", "t2");
    sent("quiet", "c", "t3");
    expect(published.map(shape)).toEqual([
      ["busy", "a", undefined],
      ["quiet", "c", undefined],
    ]);
  });

  it("a steady stream is one event a second, and a group that fell quiet is told at once again", () => {
    for (let s = 0; s < 5; s++) {
      for (let i = 0; i < 100; i++) sent("live", `u${i}`, `t${s}.${i}`);
      vi.advanceTimersByTime(MESSAGE_WINDOW_MS);
    }
    expect(published).toHaveLength(6);
    expect(published.slice(1).map((e) => e.count)).toEqual([99, 100, 100, 100, 100]);
    vi.advanceTimersByTime(2 * MESSAGE_WINDOW_MS);
    published = [];
    sent("live", "late", "t9");
    expect(published.map(shape)).toEqual([["live", "late", undefined]]);
  });

  it("a quiet window sends nothing more", () => {
    sent("once", "u", "t1");
    vi.advanceTimersByTime(5 * MESSAGE_WINDOW_MS);
    expect(published).toHaveLength(1);
  });
});
