import { describe, expect, it } from "vitest";
import { actionWords, conditionWords, scopeWords, type Wording } from "./rule-words";

const w: Wording = {
  list: (items, type) => items.join(type === "conjunction" ? " and " : " or "),
  quote: (text) => `“${text}”`,
  typeName: (type) => type.toUpperCase(),
};

describe("scopeWords", () => {
  it("says every group when nothing narrows it", () => {
    expect(scopeWords({}, w)).toEqual([{ key: "scope.every" }]);
  });

  it("names the groups and the types, each a phrase of its own", () => {
    expect(scopeWords({ groupIds: ["@TGS#1", "@TGS#2"], types: ["Community"] }, w)).toEqual([
      { key: "scope.groups", values: { list: "@TGS#1 and @TGS#2", more: 0, count: 2 } },
      { key: "scope.types", values: { list: "COMMUNITY", count: 1 } },
    ]);
  });

  it("cuts a long list to its first five and how many more", () => {
    const ids = Array.from({ length: 12 }, (_, i) => `g${i}`);
    expect(scopeWords({ groupIds: ids }, w)[0].values).toEqual({ list: "g0 and g1 and g2 and g3 and g4", more: 7, count: 12 });
  });
});

describe("conditionWords", () => {
  it("says every application when there is no condition", () => {
    expect(conditionWords({}, w)).toEqual([{ key: "when.everything" }]);
  });

  it("puts each condition in words, words quoted", () => {
    expect(
      conditionWords(
        {
          messageContainsAny: ["spam-link.example", "セール"],
          messageEmpty: false,
          requesterNotIn: ["vip"],
          requesterPrefix: "bot_",
          refusedAtLeast: { count: 3, days: 30, sameGroup: true },
          burst: { atLeast: 20, minutes: 10 },
        },
        w,
      ),
    ).toEqual([
      { key: "when.contains", values: { list: "“spam-link.example” or “セール”", more: 0, count: 2 } },
      { key: "when.notEmpty" },
      { key: "when.notIn", values: { list: "vip", more: 0, count: 1 } },
      { key: "when.prefix", values: { prefix: "“bot_”" } },
      { key: "when.refused", values: { count: 3, days: 30, where: "same" } },
      { key: "when.burst", values: { atLeast: 20, minutes: 10 } },
    ]);
  });

  it("tells an empty message from a message that must not be empty", () => {
    expect(conditionWords({ messageEmpty: true }, w)).toEqual([{ key: "when.empty" }]);
  });
});

describe("actionWords", () => {
  it.each([
    [{ action: "approve" as const }, { key: "then.approve" }],
    [{ action: "hold" as const }, { key: "then.hold" }],
    [{ action: "refuse" as const }, { key: "then.refuse" }],
    [
      { action: "refuse" as const, reason: "No links" },
      { key: "then.refuseWith", values: { reason: "“No links”" } },
    ],
  ])("%o", (then, phrase) => {
    expect(actionWords(then, w)).toEqual(phrase);
  });
});
