import { describe, expect, it } from "vitest";
import { rangeBetween, reconcileCurrent, stepCurrent } from "./inbox-cursor";

describe("the inbox's current application", () => {
  it("stays the same person when a new application arrives above it", () => {
    // The moderator moved to Bo; the simulator adds Zoe at the top.
    expect(reconcileCurrent(["aiko", "bo", "chen"], ["zoe", "aiko", "bo", "chen"], "bo")).toBe("bo");
  });

  it("moves to the application that followed it once it is decided", () => {
    expect(reconcileCurrent(["aiko", "bo", "chen"], ["aiko", "chen"], "bo")).toBe("chen");
  });

  it("moves to the next one still there when an arrival and a decision happen together", () => {
    expect(reconcileCurrent(["aiko", "bo", "chen"], ["zoe", "aiko", "chen"], "bo")).toBe("chen");
  });

  it("moves up when the last one is decided, and to nothing when the list empties", () => {
    expect(reconcileCurrent(["aiko", "bo"], ["aiko"], "bo")).toBe("aiko");
    expect(reconcileCurrent(["aiko"], [], "aiko")).toBeNull();
  });

  it("starts on the first application and pins it there", () => {
    expect(reconcileCurrent([], ["aiko", "bo"], null)).toBe("aiko");
    expect(reconcileCurrent(["aiko", "bo"], ["zoe", "aiko", "bo"], "aiko")).toBe("aiko");
  });

  it("steps by ID, not by position, and stops at the ends", () => {
    expect(stepCurrent(["zoe", "aiko", "bo"], "aiko", 1)).toBe("bo");
    expect(stepCurrent(["zoe", "aiko", "bo"], "bo", 1)).toBe("bo");
    expect(stepCurrent(["zoe", "aiko", "bo"], "zoe", -1)).toBe("zoe");
    expect(stepCurrent(["aiko"], "gone", 1)).toBe("aiko");
    expect(stepCurrent([], "aiko", 1)).toBeNull();
  });

  it("selects a range from the anchor to the current one, either way round", () => {
    const ids = ["a", "b", "c", "d", "e"];
    expect(rangeBetween(ids, "b", "d")).toEqual(["b", "c", "d"]);
    expect(rangeBetween(ids, "d", "b")).toEqual(["b", "c", "d"]);
    expect(rangeBetween(ids, null, "c")).toEqual(["c"]);
    expect(rangeBetween(ids, "gone", "c")).toEqual(["c"]);
    expect(rangeBetween(ids, "a", null)).toEqual([]);
  });
});
