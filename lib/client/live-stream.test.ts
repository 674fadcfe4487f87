import { describe, expect, it } from "vitest";
import { parseLiveData } from "./live-stream";

// The browser checks an event's data by hand (no zod on every page): what it uses must be what it says it is.
describe("an event's data as the browser reads it", () => {
  it("keeps the group and the job an event names", () => {
    expect(parseLiveData(JSON.stringify({ groupId: "g1", at: "2026-12-04T10:00:00Z", userId: "u" }))).toEqual({ groupId: "g1" });
    expect(parseLiveData(JSON.stringify({ jobId: "j1", at: "2026-12-04T10:00:00Z" }))).toEqual({ jobId: "j1" });
  });

  it("drops what is not an event: not JSON, not an object, no time, or an ID that is not a string", () => {
    for (const text of [
      "not json",
      "null",
      "[1]",
      '"text"',
      JSON.stringify({ groupId: "g1" }),
      JSON.stringify({ groupId: 7, at: "x" }),
      JSON.stringify({ jobId: {}, at: "x" }),
    ])
      expect(parseLiveData(text), text).toBeNull();
  });
});
