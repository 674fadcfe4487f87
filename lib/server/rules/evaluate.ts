import "server-only";
import type { RuleBody } from "@/lib/schemas/rule";
import { getContext } from "@/lib/server/platform/context";
import { rulesEnabledByEnv } from "@/lib/server/platform/env";
import type { Store } from "@/lib/server/store/store";
import {
  candidatesFor,
  compileRule,
  decisionOf,
  firstMatch,
  prepare,
  windowsOf,
  type Candidate,
  type CompiledRule,
  type Counts,
  type RuleDecision,
} from "./engine";
import { enabledRuleRows, readEngineState, recordRuleMatch, toRule } from "./repo";

export type { Candidate, RuleDecision } from "./engine";

// Rules applied to one arriving application (docs/rules.md § Deciding an arrival). The enabled rules are compiled
// once per generation (every write makes a new one, on any instance) and kept per store; the counts conditions
// need are read from the applications model only when a rule that could still win asks for them, once.

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

type Compiled = { generation: string; rules: CompiledRule[] };
const compiledByStore = new WeakMap<Store, Compiled>();

async function compiledRules(db: Store, generation: string): Promise<CompiledRule[]> {
  const cached = compiledByStore.get(db);
  if (cached && cached.generation === generation) return cached.rules;
  const rules = (await enabledRuleRows(db)).map((row) => {
    const r = toRule(row);
    return compileRule(r.id, r as RuleBody);
  });
  compiledByStore.set(db, { generation, rules });
  return rules;
}

/**
 * The decision of the first enabled rule that matches the application, or null (none does, rules are paused by
 * the switch or RULES_ENABLED=0, or there are none). Reads the store, never the IM server. The caller carries
 * the decision out and then calls `recordMatch`.
 */
export async function decideByRules(app: Candidate, db: Store = getContext().db): Promise<RuleDecision | null> {
  if (!rulesEnabledByEnv()) return null;
  const state = await readEngineState(db);
  if (!state.on) return null;
  const rules = await compiledRules(db, state.generation);
  if (rules.length === 0) return null;
  const prepared = prepare(app);
  const candidates = candidatesFor(rules, prepared);
  if (candidates.length === 0) return null;
  const rule = firstMatch(candidates, await countsFor(db, app, windowsOf(candidates)));
  return rule ? decisionOf(rule, app.message) : null;
}

/** Counts a rule's match (its `stats`): how many it decided or held, and when last. */
export async function recordMatch(ruleId: string, at: Date = new Date(), db: Store = getContext().db): Promise<void> {
  await recordRuleMatch(db, ruleId, at.getTime());
}

/**
 * The counts for one application as of its arrival, at most two reads: the requester's refusals over the
 * longest window any candidate asks (index inbox_by_requester), and the group's arrivals over the longest
 * burst window (index inbox_by_group). Shorter windows are counted from the same rows.
 */
export async function countsFor(db: Store, app: Candidate, { refusalDays, burstMinutes }: ReturnType<typeof windowsOf>): Promise<Counts> {
  const at = Date.parse(app.createdAt);
  const [refusals, arrivals] = await Promise.all([
    refusalDays > 0
      ? db.all<{ group_id: string; handled_at: string }>(
          "SELECT group_id, handled_at FROM inbox_applications WHERE requester_id = ? AND status = 'refused' AND handled_at >= ? AND handled_at < ?",
          [app.requesterId, new Date(at - refusalDays * DAY_MS).toISOString(), app.createdAt],
        )
      : [],
    burstMinutes > 0
      ? db.all<{ id: number | string; created_at: string }>(
          `SELECT id, created_at FROM inbox_applications
           WHERE group_id = ? AND status IN ('pending', 'approved', 'refused', 'closed') AND created_at >= ? AND created_at <= ?`,
          [app.groupId, new Date(at - burstMinutes * MINUTE_MS).toISOString(), app.createdAt],
        )
      : [],
  ]);
  const refusedAt = refusals.map((r) => ({ sameGroup: r.group_id === app.groupId, t: Date.parse(r.handled_at) }));
  // The application itself counts once, whether or not it is in the model yet.
  const othersAt = arrivals.filter((r) => String(r.id) !== app.id).map((r) => Date.parse(r.created_at));
  return {
    refusals: (days, sameGroup) => refusedAt.filter((r) => r.t >= at - days * DAY_MS && (!sameGroup || r.sameGroup)).length,
    burst: (minutes) => 1 + othersAt.filter((t) => t >= at - minutes * MINUTE_MS).length,
  };
}
