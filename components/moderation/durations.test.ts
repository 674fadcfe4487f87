import { describe, expect, it } from "vitest";
import { durationSeconds, FOREVER_SECONDS } from "./durations";
import { timeLeft } from "./time-left";

const custom = (amount: string, unit: "minutes" | "hours" | "days" = "minutes") => ({ amount, unit });

describe("a mute or ban's length, as chosen in its dialog", () => {
  it("the presets are what they say", () => {
    expect(durationSeconds("10m", custom(""))).toEqual({ ok: true, seconds: 600 });
    expect(durationSeconds("1h", custom(""))).toEqual({ ok: true, seconds: 3_600 });
    expect(durationSeconds("1d", custom(""))).toEqual({ ok: true, seconds: 86_400 });
    expect(durationSeconds("7d", custom(""))).toEqual({ ok: true, seconds: 604_800 });
    expect(durationSeconds("30d", custom(""))).toEqual({ ok: true, seconds: 2_592_000 });
  });

  it("forever is the IM server's largest length, 4294967295 seconds", () => {
    expect(durationSeconds("forever", custom(""))).toEqual({ ok: true, seconds: FOREVER_SECONDS });
    expect(FOREVER_SECONDS).toBe(2 ** 32 - 1);
  });

  it("a custom length is counted in the unit chosen, spaces around it forgiven", () => {
    expect(durationSeconds("custom", custom(" 90 "))).toEqual({ ok: true, seconds: 5_400 });
    expect(durationSeconds("custom", custom("3", "hours"))).toEqual({ ok: true, seconds: 10_800 });
    expect(durationSeconds("custom", custom("2", "days"))).toEqual({ ok: true, seconds: 172_800 });
  });

  it.each(["", "abc", "1.5", "-3", "1e3", "0x10"])("%j is not a whole number of anything", (amount) => {
    expect(durationSeconds("custom", custom(amount))).toEqual({ ok: false, problem: { key: "whole", values: {} } });
  });

  it("zero is refused: a mute of nothing would lift the mute instead", () => {
    expect(durationSeconds("custom", custom("0", "days"))).toEqual({ ok: false, problem: { key: "atLeastOne", values: {} } });
  });

  it("beyond 4294967295 seconds is refused, saying the most that unit allows", () => {
    expect(durationSeconds("custom", custom("49710", "days"))).toEqual({ ok: true, seconds: 49_710 * 86_400 });
    expect(durationSeconds("custom", custom("49711", "days"))).toEqual({
      ok: false,
      problem: { key: "tooLong", values: { max: 49_710, unit: "days" } },
    });
    expect(durationSeconds("custom", custom("71582788", "minutes"))).toMatchObject({ ok: true });
    expect(durationSeconds("custom", custom("71582789", "minutes"))).toMatchObject({ ok: false, problem: { key: "tooLong" } });
  });
});

describe("how long a mute or ban still runs", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");
  const at = (ms: number) => new Date(now + ms).toISOString();
  const MIN = 60_000;

  it("no end is forever", () => {
    expect(timeLeft(null, now)).toEqual({ kind: "forever" });
  });

  it("the IM server's forever, read back as a date more than a century ahead, is forever too", () => {
    expect(timeLeft(new Date(now + FOREVER_SECONDS * 1000).toISOString(), now)).toEqual({ kind: "forever" });
  });

  it("up to an hour in whole minutes, rounded up: a fresh one-hour mute is '60 min', 51 min 30 s is '52 min', the last seconds '1 min'", () => {
    expect(timeLeft(at(60 * MIN - 2_000), now)).toEqual({ kind: "left", parts: [{ unit: "minute", value: 60 }] });
    expect(timeLeft(at(51.5 * MIN), now)).toEqual({ kind: "left", parts: [{ unit: "minute", value: 52 }] });
    expect(timeLeft(at(5_000), now)).toEqual({ kind: "left", parts: [{ unit: "minute", value: 1 }] });
  });

  it("under a day in hours and minutes, the minutes left out when there are none", () => {
    expect(timeLeft(at(192 * MIN), now)).toEqual({
      kind: "left",
      parts: [
        { unit: "hour", value: 3 },
        { unit: "minute", value: 12 },
      ],
    });
    expect(timeLeft(at(61 * MIN), now)).toEqual({
      kind: "left",
      parts: [
        { unit: "hour", value: 1 },
        { unit: "minute", value: 1 },
      ],
    });
    expect(timeLeft(at(120 * MIN), now)).toEqual({ kind: "left", parts: [{ unit: "hour", value: 2 }] });
  });

  it("a day or more in days and hours", () => {
    expect(timeLeft(at((2 * 24 + 5) * 60 * MIN), now)).toEqual({
      kind: "left",
      parts: [
        { unit: "day", value: 2 },
        { unit: "hour", value: 5 },
      ],
    });
    expect(timeLeft(at(30 * 24 * 60 * MIN), now)).toEqual({ kind: "left", parts: [{ unit: "day", value: 30 }] });
  });

  it("a time already past is over (the list has not been refreshed yet)", () => {
    expect(timeLeft(at(0), now)).toEqual({ kind: "over" });
    expect(timeLeft(at(-MIN), now)).toEqual({ kind: "over" });
  });
});
