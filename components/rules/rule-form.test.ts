import { describe, expect, it } from "vitest";
import type { RuleBody } from "@/lib/schemas/rule";
import { bodyOfForm, checkForm, EMPTY_FORM, formOfRule, idsOf, issueAt, patchOfBody, wordsOf, type RuleForm } from "./rule-form";

const form = (changes: Partial<RuleForm>): RuleForm => ({ ...EMPTY_FORM, name: "Spam links", ...changes });

describe("the editor's lists", () => {
  it("takes one word per line, without blank lines or the spaces around a word", () => {
    expect(wordsOf("  spam-link.example \n\n セール\r\n")).toEqual(["spam-link.example", "セール"]);
  });

  it("takes IDs separated by commas or line breaks", () => {
    expect(idsOf("@TGS#1, @TGS#2\n@TGS#3,,\n")).toEqual(["@TGS#1", "@TGS#2", "@TGS#3"]);
  });
});

describe("bodyOfForm", () => {
  it("sends only the ticked conditions, and a refusal's reason only with a refusal", () => {
    const body = bodyOfForm(
      form({ wordsOn: true, words: "spam-link.example", inList: "ignored", action: "refuse", reason: " No links, please. " }),
    );
    expect(body).toEqual({
      name: "Spam links",
      scope: {},
      when: { messageContainsAny: ["spam-link.example"] },
      then: { action: "refuse", reason: "No links, please." },
    });
    expect(bodyOfForm(form({ wordsOn: true, words: "x", action: "hold", reason: "kept" })).then).toEqual({ action: "hold" });
  });

  it("narrows the scope to the groups named and the types ticked", () => {
    expect(bodyOfForm(form({ scope: "some", groupIds: "@TGS#1,@TGS#2", types: ["Community"] })).scope).toEqual({
      groupIds: ["@TGS#1", "@TGS#2"],
      types: ["Community"],
    });
    expect(bodyOfForm(form({ scope: "some", types: ["Public"] })).scope).toEqual({ types: ["Public"] });
    expect(bodyOfForm(form({ scope: "every", groupIds: "@TGS#1", types: ["Public"] })).scope).toEqual({});
  });

  it("says matchEverything only when no condition is ticked", () => {
    expect(bodyOfForm(form({ matchEverything: true })).matchEverything).toBe(true);
    expect(bodyOfForm(form({ matchEverything: true, emptyOn: true })).matchEverything).toBeUndefined();
  });

  it("keeps the counts' options: this group only, and the burst's window", () => {
    const body = bodyOfForm(
      form({
        refusedOn: true,
        refusedCount: "2",
        refusedDays: "7",
        refusedWhere: "same",
        burstOn: true,
        burstAtLeast: "30",
        burstMinutes: "5",
      }),
    );
    expect(body.when).toEqual({ refusedAtLeast: { count: 2, days: 7, sameGroup: true }, burst: { atLeast: 30, minutes: 5 } });
  });
});

describe("formOfRule and back", () => {
  const rules: RuleBody[] = [
    {
      name: "Everything",
      enabled: false,
      scope: { groupIds: ["@TGS#1"], types: ["Public", "Community"] },
      when: {
        messageContainsAny: ["spam", "ｓｐａｍ"],
        messageEmpty: false,
        requesterIn: ["a", "b"],
        requesterNotIn: ["c"],
        requesterPrefix: "bot_",
        refusedAtLeast: { count: 3, days: 30 },
        burst: { atLeast: 20, minutes: 10 },
      },
      then: { action: "refuse", reason: "No." },
    },
    { name: "All", enabled: true, scope: {}, when: {}, matchEverything: true, then: { action: "hold" } },
    { name: "Empty ones", enabled: false, scope: { types: ["Public"] }, when: { messageEmpty: true }, then: { action: "approve" } },
  ];

  it.each(rules)("gives back the rule it showed: $name", (rule) => {
    const { enabled, ...content } = rule;
    void enabled;
    expect(bodyOfForm(formOfRule(rule))).toEqual(content);
  });

  it("ticks only what the rule has, and keeps the defaults of the rest", () => {
    const f = formOfRule(rules[2]);
    expect(f).toMatchObject({ scope: "some", types: ["Public"], emptyOn: true, empty: "empty", wordsOn: false, burstOn: false });
    expect(f.burstAtLeast).toBe(EMPTY_FORM.burstAtLeast);
  });
});

describe("checkForm", () => {
  it("answers the rule as the server will read it", () => {
    const checked = checkForm(form({ name: "  Spam links ", wordsOn: true, words: "spam", action: "refuse" }));
    expect(checked.body).toEqual({
      name: "Spam links",
      enabled: false,
      scope: {},
      when: { messageContainsAny: ["spam"] },
      then: { action: "refuse" },
    });
  });

  it("places each refusal at its field: an empty name, a list left empty, a rule without conditions", () => {
    const fields = (f: RuleForm) => checkForm(f).issues.map((i) => i.field);
    expect(fields(form({ name: "" }))).toEqual(["name", "conditions"]);
    expect(fields(form({ inOn: true, inList: " , " }))).toEqual(["inList"]);
    expect(fields(form({ scope: "some", matchEverything: true }))).toEqual(["groupIds"]);
    expect(fields(form({ burstOn: true, burstAtLeast: "", burstMinutes: "2000" }))).toEqual(["burstAtLeast", "burstMinutes"]);
  });

  it("names the entry of a list that is wrong", () => {
    const [issue] = checkForm(form({ wordsOn: true, words: `ok\n${"語".repeat(34)}` })).issues;
    expect(issue).toMatchObject({ field: "words", entry: 2, key: "wordBytes" });
  });
});

describe("issueAt", () => {
  it.each([
    ["then.reason", "reason"],
    ["scope.groupIds", "groupIds"],
    ["scope.types.0", "types"],
    ["when.refusedAtLeast.days", "refusedDays"],
    ["when.requesterNotIn.4", "notInList"],
    ["when", "conditions"],
    ["position", "form"],
  ] as const)("%s → %s", (path, field) => {
    expect(issueAt({ path, message: "" }).field).toBe(field);
  });
});

describe("patchOfBody", () => {
  it("replaces the content and always says matchEverything, so turning it off is saved", () => {
    const body = checkForm(form({ emptyOn: true })).body!;
    expect(patchOfBody(body, 4)).toEqual({
      version: 4,
      name: "Spam links",
      scope: {},
      when: { messageEmpty: true },
      matchEverything: false,
      then: { action: "hold" },
    });
  });
});
