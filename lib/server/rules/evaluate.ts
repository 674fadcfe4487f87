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
  const rule = firstMatch(candidates, await countsFor(db, app, candidates));
  return rule ? decisionOf(rule, app.message) : null;
}

/** Counts a rule's match (its `stats`): how many it decided or held, and when last. */
export async function recordMatch(ruleId: string, at: Date = new Date(), db: Store = getContext().db): Promise<void> {
  await recordRuleMatch(db, ruleId, at.getTime());
}

/**
 * The counts for one application as of its arrival, at most two reads: the requester's refusals (index
 * inbox_by_requester) and the group's arrivals (index inbox_by_group), each over the longest window any candidate
 * asks and counted in SQL for every distinct window at once (one row back, however many rows are in the windows:
 * a raid puts thousands of arrivals in a burst window, and this runs while Tencent waits for its answer).
 */
export async function countsFor(db: Store, app: Candidate, candidates: readonly CompiledRule[]): Promise<Counts> {
  const at = Date.parse(app.createdAt);
  const { refusalDays, burstMinutes } = windowsOf(candidates);
  const refusalWindows = [...new Set(candidates.flatMap((r) => (r.refused ? [`${r.refused.days}:${r.refused.sameGroup ? 1 : 0}`] : [])))];
  const burstWindows = [...new Set(candidates.flatMap((r) => (r.burst ? [r.burst.minutes] : [])))];
  const since = (ms: number) => new Date(at - ms).toISOString();
  const [refusals, arrivals] = await Promise.all([
    refusalDays > 0
      ? db.get<Record<string, number | string>>(
          `SELECT ${refusalWindows
            .map((w, i) => `SUM(CASE WHEN handled_at >= ?${w.endsWith(":1") ? " AND group_id = ?" : ""} THEN 1 ELSE 0 END) AS w${i}`)
            .join(", ")}
           FROM inbox_applications WHERE requester_id = ? AND status = 'refused' AND handled_at >= ? AND handled_at < ?`,
          [
            ...refusalWindows.flatMap((w) => {
              const [days, same] = w.split(":");
              return same === "1" ? [since(Number(days) * DAY_MS), app.groupId] : [since(Number(days) * DAY_MS)];
            }),
            app.requesterId,
            since(refusalDays * DAY_MS),
            app.createdAt,
          ],
        )
      : undefined,
    burstMinutes > 0
      ? db.get<Record<string, number | string>>(
          // The application itself counts once, whether or not it is in the model yet: it is left out here.
          `SELECT ${burstWindows.map((_, i) => `SUM(CASE WHEN created_at >= ? THEN 1 ELSE 0 END) AS w${i}`).join(", ")}
           FROM inbox_applications
           WHERE group_id = ? AND status IN ('pending', 'approved', 'refused', 'closed') AND created_at >= ? AND created_at <= ? AND id <> ?`,
          [
            ...burstWindows.map((m) => since(m * MINUTE_MS)),
            app.groupId,
            since(burstMinutes * MINUTE_MS),
            app.createdAt,
            Number(app.id ?? 0),
          ],
        )
      : undefined,
  ]);
  const n = (row: Record<string, number | string> | undefined, i: number) => Number(row?.[`w${i}`] ?? 0);
  return {
    refusals: (days, sameGroup) => n(refusals, refusalWindows.indexOf(`${days}:${sameGroup ? 1 : 0}`)),
    burst: (minutes) => 1 + n(arrivals, burstWindows.indexOf(minutes)),
  };
}
