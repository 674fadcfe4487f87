import "server-only";
import type { Actor } from "@/lib/server/platform/actor";
import type { Store } from "@/lib/server/store/store";
import type { RuleRef } from "./inbox/rule-rows";

/**
 * A rule acting as the audit log's actor: `rule:<id>` where a person's email would be, so
 * `GET /api/audit?actor=rule:<id>` lists exactly its decisions, and the IM server records it as the handler
 * (its 64-byte attribution fits: IDs are numbers). It is no console user (no ID) and has no request of its own.
 */
export function ruleActor(rule: RuleRef): Actor {
  const email = `rule:${rule.id}`;
  return { user: { id: "", email, name: rule.name, role: "admin" }, requestId: email, ip: null };
}

/** The rule behind an actor or handler string (`rule:<id>`), or null for a person. */
export function ruleIdOfActor(actor: string | null | undefined): string | null {
  return actor ? (/^rule:([1-9]\d{0,15})$/.exec(actor)?.[1] ?? null) : null;
}

/** Whether a model row's decision was this actor's: a person by their email, a rule by `rule:<id>` (its name is shown). */
export function decidedByActor(
  row: { handled_by: string | null; handled_via: string | null; rule_id: string | null },
  actor: string,
): boolean {
  if (row.handled_by === actor) return true;
  const ruleId = ruleIdOfActor(actor);
  return ruleId !== null && row.handled_via === "rule" && row.rule_id === ruleId;
}

/** The name a rule's decision is shown under: the rule's, while it exists, else `rule:<id>`. */
export async function ruleNameOf(db: Store, ruleId: string): Promise<string | null> {
  return (await db.get<{ name: string }>("SELECT name FROM rules WHERE id = ?", [Number(ruleId)]))?.name ?? null;
}
