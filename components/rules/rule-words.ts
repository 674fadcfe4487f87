import type { GroupType } from "@/lib/schemas/group";
import type { RuleScope, RuleThen, RuleWhen } from "@/lib/schemas/rule";

/** A message of `rules.describe` and its values: what a rule says, ready to be put in the reader's words. */
export type Phrase = { key: string; values?: Record<string, string | number> };

/** What the words need from the reader's language: lists ("a, b or c"), quotes and group types' names. */
export type Wording = {
  list: (items: string[], type: "conjunction" | "disjunction") => string;
  quote: (text: string) => string;
  typeName: (type: GroupType) => string;
};

/** Long lists are cut: a rule of 1,000 IDs reads as its first few and how many more. */
export const SHOWN = 5;

function some(items: readonly string[], w: Wording, type: "conjunction" | "disjunction", quoted: boolean) {
  const shown = items.slice(0, SHOWN).map((i) => (quoted ? w.quote(i) : i));
  return { list: w.list(shown, type), more: Math.max(0, items.length - SHOWN), count: items.length };
}

/** Every group, or the groups named and the types named (a group named by either is in scope). */
export function scopeWords(scope: RuleScope, w: Wording): Phrase[] {
  const phrases: Phrase[] = [];
  if (scope.groupIds?.length) phrases.push({ key: "scope.groups", values: some(scope.groupIds, w, "conjunction", false) });
  if (scope.types?.length)
    phrases.push({ key: "scope.types", values: { list: w.list(scope.types.map(w.typeName), "disjunction"), count: scope.types.length } });
  return phrases.length ? phrases : [{ key: "scope.every" }];
}

/** Each condition in the engine's terms, all of which must hold; none at all means every application. */
export function conditionWords(when: RuleWhen, w: Wording): Phrase[] {
  const phrases: Phrase[] = [];
  if (when.messageContainsAny) phrases.push({ key: "when.contains", values: some(when.messageContainsAny, w, "disjunction", true) });
  if (when.messageEmpty !== undefined) phrases.push({ key: when.messageEmpty ? "when.empty" : "when.notEmpty" });
  if (when.requesterIn) phrases.push({ key: "when.in", values: some(when.requesterIn, w, "disjunction", false) });
  if (when.requesterNotIn) phrases.push({ key: "when.notIn", values: some(when.requesterNotIn, w, "conjunction", false) });
  if (when.requesterPrefix !== undefined) phrases.push({ key: "when.prefix", values: { prefix: w.quote(when.requesterPrefix) } });
  if (when.refusedAtLeast) {
    const { count, days, sameGroup } = when.refusedAtLeast;
    phrases.push({ key: "when.refused", values: { count, days, where: sameGroup ? "same" : "any" } });
  }
  if (when.burst) phrases.push({ key: "when.burst", values: { atLeast: when.burst.atLeast, minutes: when.burst.minutes } });
  // The server saves no rule without conditions unless it says matchEverything: this one matches every application.
  if (phrases.length === 0) phrases.push({ key: "when.everything" });
  return phrases;
}

/** Approve, refuse (with the reason the requester reads, if any), or hold for a person. */
export function actionWords(then: RuleThen, w: Wording): Phrase {
  if (then.action === "refuse")
    return then.reason ? { key: "then.refuseWith", values: { reason: w.quote(then.reason) } } : { key: "then.refuse" };
  return { key: `then.${then.action}` };
}
