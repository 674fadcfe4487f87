import "server-only";
import type { Store } from "@/lib/server/store/store";
import { searchText } from "../model/filters";

// What rules leave on the applications model (docs/rules.md § Deciding an arrival): who decided (the rule, by
// name), that it was a rule, and which; a hold; a refusal at the door (Tencent mode, never pending); a reversal.

export type RuleRef = { id: string; name: string };

/**
 * A decision the IM server (or the inbox) took for a rule, shown as the rule's: `handledBy` is its name. The
 * copy of the IM server's answer says `rule:<id>`; the mirror keeps what this writes (model/mirror.ts).
 */
export async function markDecidedByRule(db: Store, id: string, rule: RuleRef): Promise<void> {
  await db.run(
    "UPDATE inbox_applications SET handled_via = 'rule', rule_id = ?, handled_by = ?, held_by_rule = NULL WHERE id = ? AND status IN ('approved', 'refused')",
    [rule.id, rule.name, Number(id)],
  );
}

/** Flags a pending application "held by rule X" for a person; false when it is no longer pending. */
export async function holdForRule(db: Store, id: string, ruleId: string): Promise<boolean> {
  return (await db.run("UPDATE inbox_applications SET held_by_rule = ? WHERE id = ? AND status = 'pending'", [ruleId, Number(id)])) === 1;
}

/**
 * Tencent mode: a rule refused the application in the BeforeApplyJoinGroup answer, so Tencent never kept it.
 * The model records it, refused by the rule at the moment it arrived, so the queue's history and the
 * requester's context show it.
 */
export async function recordRefusedAtDoor(
  db: Store,
  a: { groupId: string; groupType: string | null; requesterId: string; nickname: string; faceUrl: string; message: string; at: string },
  rule: RuleRef,
  reason: string | undefined,
): Promise<number> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO inbox_applications (group_id, requester_id, message, status, created_at, handled_by, handled_at, reason, group_type,
       requester_nickname, requester_face_url, search_text, handled_via, rule_id)
     VALUES (?, ?, ?, 'refused', ?, ?, ?, ?, ?, ?, ?, ?, 'rule', ?) RETURNING id`,
    [
      a.groupId,
      a.requesterId,
      a.message,
      a.at,
      rule.name,
      a.at,
      reason ?? null,
      a.groupType,
      a.nickname,
      a.faceUrl,
      searchText(a.requesterId, a.nickname, a.message),
      rule.id,
    ],
  );
  return row!.id;
}

/** An admin took back a rule's approval; false when it was not a rule's approval, or was already taken back. */
export async function markReversed(db: Store, id: string, by: string, at: string): Promise<boolean> {
  return (
    (await db.run(
      "UPDATE inbox_applications SET reversed_by = ?, reversed_at = ? WHERE id = ? AND status = 'approved' AND handled_via = 'rule' AND reversed_by IS NULL",
      [by, at, Number(id)],
    )) === 1
  );
}

/** Takes back a reversal claimed by `markReversed` whose removal did not happen. */
export async function unmarkReversed(db: Store, id: string, by: string): Promise<void> {
  await db.run("UPDATE inbox_applications SET reversed_by = NULL, reversed_at = NULL WHERE id = ? AND reversed_by = ?", [Number(id), by]);
}

/** Whether a later application of the same requester to the same group was decided (it, not the rule, stands). */
export async function decidedLater(
  db: Store,
  row: { id: number | string; group_id: string; requester_id: string; created_at: string },
): Promise<boolean> {
  return Boolean(
    await db.get(
      `SELECT 1 AS one FROM inbox_applications WHERE group_id = ? AND requester_id = ? AND id <> ? AND created_at > ?
         AND status IN ('approved', 'refused')`,
      [row.group_id, row.requester_id, Number(row.id), row.created_at],
    ),
  );
}
