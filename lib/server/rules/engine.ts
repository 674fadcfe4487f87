import "server-only";
import { languageOfMessage, REFUSAL_TEMPLATES, type TemplateKey } from "@/lib/refusal-templates";
import type { RuleAction, RuleBody } from "@/lib/schemas/rule";
import { fold } from "@/lib/server/store/fold";

// The rules engine (docs/rules.md § The engine): pure and synchronous. A rule is compiled once — words folded,
// ID lists made sets — and evaluated in time linear in the message and the rule's lists: plain substring and
// prefix tests, never a regular expression an admin wrote, so no input can make it backtrack.

/** What the engine reads of an application. `id` when it is already in the model (a burst counts it once). */
export type Candidate = {
  id?: string;
  groupId: string;
  groupType?: string | null;
  requesterId: string;
  message: string;
  /** When it arrived (ISO 8601): counts are taken as of then. */
  createdAt: string;
};

/** The counts conditions need, from the store (one application) or computed in bulk (a dry run). */
export type Counts = {
  /** Refusals of the requester decided in the `days` before the application arrived (in its group, with sameGroup). */
  refusals(days: number, sameGroup: boolean): number;
  /** Applications to the group in the `minutes` up to its arrival, this one included. */
  burst(minutes: number): number;
};

export type CompiledRule = {
  id: string;
  name: string;
  action: RuleAction;
  reason?: string;
  groupIds: ReadonlySet<string> | null;
  types: ReadonlySet<string> | null;
  words: readonly string[] | null;
  messageEmpty: boolean | null;
  requesterIn: ReadonlySet<string> | null;
  requesterNotIn: ReadonlySet<string> | null;
  prefix: string | null;
  refused: { count: number; days: number; sameGroup: boolean } | null;
  burst: { atLeast: number; minutes: number } | null;
};

/** What a matching rule decides. */
export type RuleDecision = { rule: { id: string; name: string }; action: RuleAction; reason?: string };

export function compileRule(id: string, body: Pick<RuleBody, "name" | "scope" | "when" | "then">): CompiledRule {
  const { scope, when, then } = body;
  // Folded words that fold to nothing, or repeat, would only cost time.
  const words = when.messageContainsAny ? [...new Set(when.messageContainsAny.map(fold).filter((w) => w.length > 0))] : null;
  return {
    id,
    name: body.name,
    action: then.action,
    ...(then.reason ? { reason: then.reason } : {}),
    groupIds: scope.groupIds ? new Set(scope.groupIds) : null,
    types: scope.types ? new Set(scope.types) : null,
    words,
    messageEmpty: when.messageEmpty ?? null,
    requesterIn: when.requesterIn ? new Set(when.requesterIn) : null,
    requesterNotIn: when.requesterNotIn ? new Set(when.requesterNotIn) : null,
    prefix: when.requesterPrefix ?? null,
    refused: when.refusedAtLeast ? { ...when.refusedAtLeast, sameGroup: when.refusedAtLeast.sameGroup === true } : null,
    burst: when.burst ?? null,
  };
}

/**
 * Scope: every group when it names none; else a group it names by ID or by type (either suffices, so "these
 * groups and every Community" is one rule). An application whose group type is unknown matches no type.
 */
export function inScope(rule: CompiledRule, app: Candidate): boolean {
  if (!rule.groupIds && !rule.types) return true;
  return (rule.groupIds?.has(app.groupId) ?? false) || (app.groupType ? (rule.types?.has(app.groupType) ?? false) : false);
}

/** An application's message as conditions compare it, computed once per application. */
export type Prepared = Candidate & { folded: string; empty: boolean };
export const prepare = (app: Candidate): Prepared => ({ ...app, folded: folded(app.message), empty: app.message.trim() === "" });

// ASCII is its own NFKC form: lower-casing is all folding does to it, at a fraction of the cost.
const ASCII = /^[\x00-\x7f]*$/;
const folded = (message: string) => (ASCII.test(message) ? message.toLowerCase() : fold(message));

/** The conditions that need nothing but the application: scope, words, empty message, requester lists, prefix. */
export function holdsWithoutCounts(rule: CompiledRule, app: Prepared): boolean {
  if (!inScope(rule, app)) return false;
  if (rule.messageEmpty !== null && rule.messageEmpty !== app.empty) return false;
  if (rule.requesterIn && !rule.requesterIn.has(app.requesterId)) return false;
  if (rule.requesterNotIn?.has(app.requesterId)) return false;
  if (rule.prefix !== null && !app.requesterId.startsWith(rule.prefix)) return false;
  if (rule.words) {
    let found = false;
    for (const w of rule.words)
      if (app.folded.includes(w)) {
        found = true;
        break;
      }
    if (!found) return false;
  }
  return true;
}

export const needsCounts = (rule: CompiledRule) => rule.refused !== null || rule.burst !== null;

export function holdsWithCounts(rule: CompiledRule, counts: Counts): boolean {
  if (rule.refused && counts.refusals(rule.refused.days, rule.refused.sameGroup) < rule.refused.count) return false;
  if (rule.burst && counts.burst(rule.burst.minutes) < rule.burst.atLeast) return false;
  return true;
}

/**
 * The rules, in order, whose count-free conditions hold, up to the first that needs no counts (it matches for
 * sure, so nothing after it can win). Only these may need counts: the caller fetches what they ask, once.
 */
export function candidatesFor(rules: readonly CompiledRule[], app: Prepared): CompiledRule[] {
  const out: CompiledRule[] = [];
  for (const rule of rules) {
    if (!holdsWithoutCounts(rule, app)) continue;
    out.push(rule);
    if (!needsCounts(rule)) break;
  }
  return out;
}

/** The longest windows the candidates ask about (0 when none asks), so one read answers every rule. */
export function windowsOf(rules: readonly CompiledRule[]): { refusalDays: number; burstMinutes: number } {
  let refusalDays = 0;
  let burstMinutes = 0;
  for (const r of rules) {
    if (r.refused) refusalDays = Math.max(refusalDays, r.refused.days);
    if (r.burst) burstMinutes = Math.max(burstMinutes, r.burst.minutes);
  }
  return { refusalDays, burstMinutes };
}

/** First match wins: the first candidate whose counts hold too. */
export function firstMatch(candidates: readonly CompiledRule[], counts: Counts): CompiledRule | null {
  for (const rule of candidates) if (holdsWithCounts(rule, counts)) return rule;
  return null;
}

/** Evaluates every rule on one application with counts at hand (tests, and any caller with counts ready). */
export function evaluate(rules: readonly CompiledRule[], app: Candidate, counts: Counts): RuleDecision | null {
  const prepared = prepare(app);
  const rule = firstMatch(candidatesFor(rules, prepared), counts);
  return rule ? decisionOf(rule, prepared.message) : null;
}

export function decisionOf(rule: CompiledRule, message: string): RuleDecision {
  const reason = rule.action === "refuse" ? reasonFor(rule.reason, message) : undefined;
  return { rule: { id: rule.id, name: rule.name }, action: rule.action, ...(reason ? { reason } : {}) };
}

// Every refusal template, in every language, by its text.
const TEMPLATE_BY_TEXT = new Map<string, TemplateKey>(
  Object.values(REFUSAL_TEMPLATES).flatMap((t) => Object.entries(t).map(([key, text]) => [text, key as TemplateKey] as const)),
);

/**
 * The reason a refusal sends: the rule's own words, except that one of the console's refusal templates goes
 * out in the requester's language when their message shows it (the same template, translated); a message
 * that shows no language keeps the template as written.
 */
export function reasonFor(reason: string | undefined, message: string): string | undefined {
  if (!reason) return undefined;
  const key = TEMPLATE_BY_TEXT.get(reason.trim());
  const language = key ? languageOfMessage(message) : null;
  return key && language ? REFUSAL_TEMPLATES[language][key] : reason;
}
