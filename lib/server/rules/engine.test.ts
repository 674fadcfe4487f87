import { describe, expect, it } from "vitest";
import { REFUSAL_TEMPLATES } from "@/lib/refusal-templates";
import { ruleBodySchema, type RuleBody } from "@/lib/schemas/rule";
import { compileRule, evaluate, reasonFor, type Candidate, type Counts } from "./engine";

// Every condition of the engine on its own, then together and in order (docs/rules.md § The engine).

const rule = (id: string, body: Partial<RuleBody> & Pick<RuleBody, "then">) =>
  compileRule(id, ruleBodySchema.parse({ name: `rule ${id}`, ...body, matchEverything: body.matchEverything ?? !body.when }));
const app = (over: Partial<Candidate> = {}): Candidate => ({
  id: "1",
  groupId: "g1",
  groupType: "Public",
  requesterId: "u_aiko",
  message: "hello",
  createdAt: "2026-01-10T12:00:00.000Z",
  ...over,
});
const none: Counts = { refusals: () => 0, burst: () => 1 };
const refuse = { action: "refuse" as const };
const matches = (r: ReturnType<typeof rule>, a: Candidate, counts = none) => evaluate([r], a, counts) !== null;

describe("conditions", () => {
  it("message contains any: case- and width-insensitive, CJK included, any one word is enough", () => {
    const spam = rule("1", { when: { messageContainsAny: ["spam", "広告", "FREE Money"] }, then: refuse });
    expect(matches(spam, app({ message: "This is SPAM" }))).toBe(true);
    expect(matches(spam, app({ message: "ｓｐａｍ here" }))).toBe(true);
    expect(matches(spam, app({ message: "ＳＰＡＭ" }))).toBe(true);
    expect(matches(spam, app({ message: "激安の広告です" }))).toBe(true);
    expect(matches(spam, app({ message: "get free money now" }))).toBe(true);
    expect(matches(spam, app({ message: "hello, I like hiking" }))).toBe(false);
    expect(matches(spam, app({ message: "広場で会いましょう" }))).toBe(false);
    // Half-width katakana folds to full width, so a word written either way finds both.
    const kana = rule("2", { when: { messageContainsAny: ["ｾｰﾙ"] }, then: refuse });
    expect(matches(kana, app({ message: "今日はセールです" }))).toBe(true);
  });

  it("message empty, and not empty (whitespace counts as empty)", () => {
    const empty = rule("1", { when: { messageEmpty: true }, then: refuse });
    const notEmpty = rule("2", { when: { messageEmpty: false }, then: refuse });
    for (const m of ["", "   ", "\n"])
      expect([matches(empty, app({ message: m })), matches(notEmpty, app({ message: m }))]).toEqual([true, false]);
    expect([matches(empty, app({ message: "hi" })), matches(notEmpty, app({ message: "hi" }))]).toEqual([false, true]);
  });

  it("requester in, not in, and ID prefix (IDs compared exactly, prefix as plain text)", () => {
    const vip = rule("1", { when: { requesterIn: ["u_aiko", "u_ben"] }, then: { action: "approve" } });
    expect(matches(vip, app())).toBe(true);
    expect(matches(vip, app({ requesterId: "U_AIKO" }))).toBe(false);
    const notStaff = rule("2", { when: { requesterNotIn: ["u_aiko"] }, then: refuse });
    expect([matches(notStaff, app()), matches(notStaff, app({ requesterId: "u_chen" }))]).toEqual([false, true]);
    const bots = rule("3", { when: { requesterPrefix: "bot.*" }, then: refuse });
    expect(matches(bots, app({ requesterId: "bot.*123" }))).toBe(true);
    expect(matches(bots, app({ requesterId: "bot123" }))).toBe(false);
    expect(matches(bots, app({ requesterId: "xbot.*" }))).toBe(false);
  });

  it("refused at least N times in D days, any group or this group only", () => {
    const asked: [number, boolean][] = [];
    const counts = (anyGroup: number, sameGroup: number): Counts => ({
      refusals: (days, same) => (asked.push([days, same]), same ? sameGroup : anyGroup),
      burst: () => 1,
    });
    const anyGroup = rule("1", { when: { refusedAtLeast: { count: 3, days: 30 } }, then: refuse });
    const thisGroup = rule("2", { when: { refusedAtLeast: { count: 2, days: 7, sameGroup: true } }, then: refuse });
    expect(matches(anyGroup, app(), counts(3, 0))).toBe(true);
    expect(matches(anyGroup, app(), counts(2, 2))).toBe(false);
    expect(matches(thisGroup, app(), counts(5, 1))).toBe(false);
    expect(matches(thisGroup, app(), counts(2, 2))).toBe(true);
    expect(asked).toContainEqual([30, false]);
    expect(asked).toContainEqual([7, true]);
  });

  it("a burst: at least N applications to the group in the last M minutes", () => {
    const burst = rule("1", { when: { burst: { atLeast: 20, minutes: 5 } }, then: { action: "hold" } });
    const minutes: number[] = [];
    const counts = (n: number): Counts => ({ refusals: () => 0, burst: (m) => (minutes.push(m), n) });
    expect(matches(burst, app(), counts(20))).toBe(true);
    expect(matches(burst, app(), counts(19))).toBe(false);
    expect(minutes).toEqual([5, 5]);
  });

  it("all conditions must hold, and counts are not asked for when a cheap condition already fails", () => {
    let asked = 0;
    const counting: Counts = { refusals: () => (asked++, 9), burst: () => (asked++, 99) };
    const both = rule("1", {
      when: {
        messageContainsAny: ["spam"],
        requesterPrefix: "u_",
        refusedAtLeast: { count: 1, days: 1 },
        burst: { atLeast: 2, minutes: 1 },
      },
      then: refuse,
    });
    expect(matches(both, app({ message: "spam" }), counting)).toBe(true);
    expect(matches(both, app({ message: "spam", requesterId: "x" }), counting)).toBe(false);
    expect(matches(both, app({ message: "ham" }), counting)).toBe(false);
    expect(asked).toBe(2);
  });
});

describe("scope and order", () => {
  it("scope: every group, named groups, group types (either suffices); an unknown type matches no type", () => {
    const all = rule("1", { then: refuse });
    const ids = rule("2", { scope: { groupIds: ["g2"] }, then: refuse });
    const types = rule("3", { scope: { types: ["Community"] }, then: refuse });
    const either = rule("4", { scope: { groupIds: ["g1"], types: ["Community"] }, then: refuse });
    expect(matches(all, app())).toBe(true);
    expect([matches(ids, app()), matches(ids, app({ groupId: "g2" }))]).toEqual([false, true]);
    expect([matches(types, app()), matches(types, app({ groupType: "Community" })), matches(types, app({ groupType: null }))]).toEqual([
      false,
      true,
      false,
    ]);
    expect([
      matches(either, app()),
      matches(either, app({ groupId: "g9", groupType: "Community" })),
      matches(either, app({ groupId: "g9" })),
    ]).toEqual([true, true, false]);
  });

  it("the first matching rule wins; rules that do not match are passed over", () => {
    const rules = [
      rule("a", { when: { requesterIn: ["u_ben"] }, then: { action: "approve" } }),
      rule("b", { when: { messageContainsAny: ["spam"] }, then: { action: "refuse", reason: "No spam" } }),
      rule("c", { when: { messageContainsAny: ["spam", "hello"] }, then: { action: "hold" } }),
    ];
    expect(evaluate(rules, app({ message: "spam" }), none)).toEqual({
      rule: { id: "b", name: "rule b" },
      action: "refuse",
      reason: "No spam",
    });
    expect(evaluate(rules, app({ message: "spam", requesterId: "u_ben" }), none)?.rule.id).toBe("a");
    expect(evaluate(rules, app({ message: "hello" }), none)?.action).toBe("hold");
    expect(evaluate(rules, app({ message: "bye" }), none)).toBeNull();
    expect(evaluate([], app(), none)).toBeNull();
  });
});

describe("refusal reasons", () => {
  it("a template goes out in the requester's language when the message shows it; other reasons as written", () => {
    const en = REFUSAL_TEMPLATES.en.rules;
    expect(reasonFor(en, "ハイキングの会に参加したいです")).toBe(REFUSAL_TEMPLATES.ja.rules);
    expect(reasonFor(en, "请让我加入")).toBe(REFUSAL_TEMPLATES.zh.rules);
    expect(reasonFor(REFUSAL_TEMPLATES.ja.full, "Hi, may I join?")).toBe(REFUSAL_TEMPLATES.en.full);
    expect(reasonFor(en, "")).toBe(en);
    expect(reasonFor("Bots are not welcome", "ハイキング")).toBe("Bots are not welcome");
    expect(evaluate([rule("1", { then: { action: "approve", reason: "ignored" } })], app(), none)).toEqual({
      rule: { id: "1", name: "rule 1" },
      action: "approve",
    });
  });
});
