import { describe, expect, it } from "vitest";
import type { Rule } from "@/lib/schemas/rule";
import { ApiError } from "./api-error";
import { newerRuleOf, withRule, type RulesList } from "./rules";

const rule = (id: string, position: number, version = 1): Rule => ({
  id,
  name: id,
  enabled: false,
  position,
  version,
  scope: {},
  when: { messageEmpty: true },
  then: { action: "hold" },
  stats: { matched: 0, lastMatchedAt: null },
  createdBy: "admin@example.test",
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
});

describe("newerRuleOf", () => {
  it("answers the newer rule a stale version's 409 carries", () => {
    const newer = rule("r1", 0, 3);
    expect(newerRuleOf(new ApiError(409, "conflict", "stale", { version: 3, rule: newer }))).toBe(newer);
  });

  it("answers null for any other error", () => {
    expect(newerRuleOf(new ApiError(409, "conflict", "stale"))).toBeNull();
    expect(newerRuleOf(new ApiError(422, "validation", "bad", { rule: rule("r1", 0) }))).toBeNull();
    expect(newerRuleOf(new Error("boom"))).toBeNull();
  });
});

describe("withRule", () => {
  const list: RulesList = { items: [rule("a", 0), rule("b", 1)], enabled: true, toggle: true };

  it("replaces a rule in place and keeps the switch", () => {
    const next = withRule(list, { ...rule("b", 1, 2), name: "renamed" });
    expect(next.items.map((r) => [r.id, r.name, r.version])).toEqual([
      ["a", "a", 1],
      ["b", "renamed", 2],
    ]);
    expect(next.enabled).toBe(true);
  });

  it("adds a rule it does not have at its position, the others moving down", () => {
    expect(withRule(list, rule("c", 0)).items.map((r) => [r.id, r.position])).toEqual([
      ["c", 0],
      ["a", 1],
      ["b", 2],
    ]);
  });

  it("moves a rule, the ones between closing up", () => {
    const three = { ...list, items: [...list.items, rule("c", 2)] };
    expect(withRule(three, rule("c", 0, 2)).items.map((r) => [r.id, r.position])).toEqual([
      ["c", 0],
      ["a", 1],
      ["b", 2],
    ]);
    expect(withRule(three, rule("a", 2, 2)).items.map((r) => r.id)).toEqual(["b", "c", "a"]);
  });
});
