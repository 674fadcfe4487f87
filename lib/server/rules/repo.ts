import "server-only";
import { randomUUID } from "node:crypto";
import { ruleScopeSchema, ruleThenSchema, ruleWhenSchema, type Rule, type RuleBody } from "@/lib/schemas/rule";
import { readState, writeState } from "@/lib/server/directory";
import type { Store } from "@/lib/server/store/store";

// The rules table (docs/rules.md § Order and versions). Positions are contiguous, 0..n-1: every insert, move and
// delete shifts the others in the same transaction, which the service serializes on "rules".

export type RuleRow = {
  id: number;
  name: string;
  enabled: number;
  position: number;
  version: number;
  scope: string;
  when_json: string;
  match_everything: number;
  then_json: string;
  matched: number;
  last_matched_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
};

/** The switch and the rules' generation, kept in the store's key/value table (absent: on, and no rule written yet). */
export const SWITCH_KEY = "rules.enabled";
export const GENERATION_KEY = "rules.generation";

const iso = (ms: number) => new Date(Number(ms)).toISOString();

export function toRule(r: RuleRow): Rule {
  return {
    id: String(r.id),
    name: r.name,
    enabled: Number(r.enabled) === 1,
    position: Number(r.position),
    version: Number(r.version),
    // Written through the same schemas: parse keeps the answer's shape even if a column was edited by hand.
    scope: ruleScopeSchema.parse(JSON.parse(r.scope)),
    when: ruleWhenSchema.parse(JSON.parse(r.when_json)),
    ...(Number(r.match_everything) === 1 ? { matchEverything: true } : {}),
    then: ruleThenSchema.parse(JSON.parse(r.then_json)),
    stats: { matched: Number(r.matched), lastMatchedAt: r.last_matched_at === null ? null : iso(r.last_matched_at) },
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** IDs come from URLs: anything but a positive integer names no rule. */
export const ruleId = (id: string) => (/^[1-9]\d{0,15}$/.test(id) ? Number(id) : null);

export async function allRules(db: Store): Promise<Rule[]> {
  return (await db.all<RuleRow>("SELECT * FROM rules ORDER BY position, id")).map(toRule);
}

export async function enabledRuleRows(db: Store): Promise<RuleRow[]> {
  return db.all<RuleRow>("SELECT * FROM rules WHERE enabled = 1 ORDER BY position, id");
}

export async function ruleRow(db: Store, id: string): Promise<RuleRow | undefined> {
  const n = ruleId(id);
  return n === null ? undefined : db.get<RuleRow>("SELECT * FROM rules WHERE id = ?", [n]);
}

export async function countRules(db: Store): Promise<number> {
  return Number((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM rules"))!.n);
}

/** The columns a rule's content fills. */
function contentOf(body: Pick<RuleBody, "name" | "enabled" | "scope" | "when" | "matchEverything" | "then">) {
  return [
    body.name,
    body.enabled ? 1 : 0,
    JSON.stringify(body.scope),
    JSON.stringify(body.when),
    body.matchEverything ? 1 : 0,
    JSON.stringify(body.then),
  ] as const;
}

/** Inserts at `position` (0..n), moving the rules from there one down. */
export async function insertRule(tx: Store, body: RuleBody, position: number, by: string, now: number): Promise<RuleRow> {
  await tx.run("UPDATE rules SET position = position + 1 WHERE position >= ?", [position]);
  const row = await tx.get<RuleRow>(
    `INSERT INTO rules (name, enabled, scope, when_json, match_everything, then_json, position, version, matched, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?) RETURNING *`,
    [...contentOf(body), position, by, now, now],
  );
  await bumpGeneration(tx);
  return row!;
}

/** Rewrites a rule's content and moves it to `position` (0..n-1), shifting the rules between; its version goes up by one. */
export async function updateRule(tx: Store, current: RuleRow, body: RuleBody, position: number, now: number): Promise<RuleRow> {
  const from = Number(current.position);
  if (position < from) await tx.run("UPDATE rules SET position = position + 1 WHERE position >= ? AND position < ?", [position, from]);
  if (position > from) await tx.run("UPDATE rules SET position = position - 1 WHERE position > ? AND position <= ?", [from, position]);
  const row = await tx.get<RuleRow>(
    `UPDATE rules SET name = ?, enabled = ?, scope = ?, when_json = ?, match_everything = ?, then_json = ?, position = ?,
       version = version + 1, updated_at = ? WHERE id = ? RETURNING *`,
    [...contentOf(body), position, now, current.id],
  );
  await bumpGeneration(tx);
  return row!;
}

export async function deleteRule(tx: Store, current: RuleRow): Promise<void> {
  await tx.run("DELETE FROM rules WHERE id = ?", [current.id]);
  await tx.run("UPDATE rules SET position = position - 1 WHERE position > ?", [current.position]);
  await bumpGeneration(tx);
}

/** Counts a match on the rule (its stats); not an edit, so its version stays. */
export async function recordRuleMatch(db: Store, id: string, at: number): Promise<void> {
  const n = ruleId(id);
  if (n !== null) await db.run("UPDATE rules SET matched = matched + 1, last_matched_at = ? WHERE id = ?", [at, n]);
}

/** Every change to the rules gives them a new generation, so each instance knows to compile them again. */
const bumpGeneration = (tx: Store) => writeState(tx, GENERATION_KEY, randomUUID());

export async function readSwitch(db: Store): Promise<boolean> {
  return (await readState(db, SWITCH_KEY)) !== "0";
}

export async function writeSwitch(tx: Store, on: boolean): Promise<void> {
  await writeState(tx, SWITCH_KEY, on ? "1" : "0");
}

/** The switch and the generation in one read: what every evaluation asks first. */
export async function readEngineState(db: Store): Promise<{ on: boolean; generation: string }> {
  const rows = await db.all<{ key: string; value: string }>("SELECT key, value FROM directory_state WHERE key IN (?, ?)", [
    SWITCH_KEY,
    GENERATION_KEY,
  ]);
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  return { on: value(SWITCH_KEY) !== "0", generation: value(GENERATION_KEY) ?? "" };
}
