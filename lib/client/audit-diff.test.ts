import { describe, expect, it } from "vitest";
import { auditChanges, displayValue } from "./audit-diff";

describe("auditChanges", () => {
  it("lists only the keys that changed", () => {
    expect(auditChanges({ role: "viewer", name: "Kim" }, { role: "moderator", name: "Kim" })).toEqual([
      { key: "role", before: "viewer", after: "moderator" },
    ]);
  });

  it("shows keys only after as additions and keys only before as removals", () => {
    expect(auditChanges({ role: "viewer" }, { role: "admin", passwordChanged: true })).toEqual([
      { key: "role", before: "viewer", after: "admin" },
      { key: "passwordChanged", after: "true" },
    ]);
    expect(auditChanges({ ownerId: "u1" }, null)).toEqual([{ key: "ownerId", before: "u1" }]);
  });

  it("treats a create (nothing before) as every non-empty key added", () => {
    expect(auditChanges(null, { name: "読書会", type: "Public", ownerId: null, introduction: "" })).toEqual([
      { key: "name", after: "読書会" },
      { key: "type", after: "Public" },
    ]);
  });

  it("compares nested values by content", () => {
    expect(auditChanges({ tags: ["a"] }, { tags: ["a"] })).toEqual([]);
    expect(auditChanges({ tags: ["a"] }, { tags: ["a", "b"] })).toEqual([{ key: "tags", before: '["a"]', after: '["a","b"]' }]);
  });

  it("handles values that are not objects", () => {
    expect(auditChanges("x", "y")).toEqual([{ key: "", before: "x", after: "y" }]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});

describe("displayValue", () => {
  it("shortens long values", () => {
    expect(displayValue("a".repeat(200))).toHaveLength(80);
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
  });

  it("never cuts an emoji or a CJK character in half", () => {
    const family = "👨‍👩‍👧";
    const cut = displayValue(`${"語".repeat(60)}${family.repeat(40)}`);
    expect(Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(cut))).toHaveLength(80);
    expect(cut.endsWith(`${family}…`)).toBe(true);
  });
});
