import "server-only";
import { greatest, placeholders, type Store } from "@/lib/server/store/store";
import { searchText } from "../model/filters";
import type { ModelRow } from "../model/rows";
import { decidedByActor, ruleIdOfActor, ruleNameOf } from "../rule-actor";

/** One row of the applications model (docs/applications-model.md), in both modes. */
export type InboxRow = ModelRow & { id: number };

export type Decision = { status: "approved" | "refused"; by: string; at: string; reason?: string };

/** IDs arrive from URLs: anything but a positive integer is simply not an application. */
const rowId = (id: string) => (/^[1-9]\d{0,15}$/.test(id) ? Number(id) : null);

export async function inboxRow(db: Store, id: string): Promise<InboxRow | null> {
  const n = rowId(id);
  return n === null ? null : ((await db.get<InboxRow>("SELECT * FROM inbox_applications WHERE id = ?", [n])) ?? null);
}

/** Who made each of these applications (IDs that are not in the inbox are left out). */
export async function inboxRequesters(db: Store, ids: string[]): Promise<Map<string, string>> {
  const ns = ids.map(rowId).filter((n): n is number => n !== null);
  if (ns.length === 0) return new Map();
  const rows = await db.all<{ id: number; requester_id: string }>(
    `SELECT id, requester_id FROM inbox_applications WHERE id IN (${placeholders(ns.length)})`,
    ns,
  );
  return new Map(rows.map((r) => [String(r.id), r.requester_id]));
}

/** The group of an application in the inbox, for the audit intent (undefined for the IM server's applications). */
export async function inboxGroupOf(db: Store, id: string): Promise<string | undefined> {
  return (await inboxRow(db, id))?.group_id;
}

/**
 * A requester's application, new or again: applying again updates the pending one (its message and time),
 * unless this report is older than what is kept (webhooks may arrive out of order). Answers its ID.
 */
export async function recordApplication(
  db: Store,
  a: { groupId: string; groupType: string; requesterId: string; nickname: string; faceUrl: string; message: string; at: string },
): Promise<number> {
  const newer = "excluded.created_at >= inbox_applications.created_at";
  // A profile that could not be read this time (no nickname) keeps the one read before, in the search text too.
  const nickname =
    a.nickname ||
    ((
      await db.get<{ requester_nickname: string }>(
        "SELECT requester_nickname FROM inbox_applications WHERE group_id = ? AND requester_id = ? AND status = 'pending'",
        [a.groupId, a.requesterId],
      )
    )?.requester_nickname ??
      "");
  const row = await db.get<{ id: number }>(
    `INSERT INTO inbox_applications (group_id, requester_id, message, status, created_at, group_type, requester_nickname, requester_face_url, search_text)
     VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?)
     ON CONFLICT (group_id, requester_id) WHERE status = 'pending' DO UPDATE SET
       message = CASE WHEN ${newer} THEN excluded.message ELSE inbox_applications.message END,
       requester_nickname = excluded.requester_nickname,
       search_text = CASE WHEN ${newer} THEN excluded.search_text ELSE inbox_applications.search_text END,
       created_at = ${greatest(db, "inbox_applications.created_at", "excluded.created_at")}
     RETURNING id`,
    [a.groupId, a.requesterId, a.message, a.at, a.groupType, nickname, a.faceUrl, searchText(a.requesterId, nickname, a.message)],
  );
  return row!.id;
}

/**
 * Settles a pending application in one conditional UPDATE: of two moderators racing (on one console instance
 * or two), exactly one changes the row; the other is answered with the row as the winner left it.
 */
export async function decide(db: Store, id: string, d: Decision): Promise<{ won: boolean; row: InboxRow | null }> {
  const n = rowId(id);
  if (n === null) return { won: false, row: null };
  // A rule's decision is the rule's from the start (shown under its name), even if nothing after this UPDATE runs.
  const ruleId = ruleIdOfActor(d.by);
  const by = ruleId ? ((await ruleNameOf(db, ruleId)) ?? d.by) : d.by;
  const changed = await db.run(
    "UPDATE inbox_applications SET status = ?, handled_by = ?, handled_at = ?, reason = ?, handled_via = ?, rule_id = ? WHERE id = ? AND status = 'pending'",
    [d.status, by, d.at, d.reason ?? null, ruleId ? "rule" : "console", ruleId, n],
  );
  return { won: changed === 1, row: await inboxRow(db, id) };
}

/**
 * Takes back a decision whose IM call failed, so the application can be handled again. If the requester
 * applied anew meanwhile, that newer application stands and this one is closed.
 */
export async function undoDecision(db: Store, id: string, by: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await inboxRow(tx, id);
    if (!row || !decidedByActor(row, by) || (row.status !== "approved" && row.status !== "refused")) return;
    const newer = await tx.get("SELECT 1 AS one FROM inbox_applications WHERE group_id = ? AND requester_id = ? AND status = 'pending'", [
      row.group_id,
      row.requester_id,
    ]);
    if (newer) await tx.run("UPDATE inbox_applications SET status = 'closed' WHERE id = ?", [row.id]);
    else
      await tx.run(
        "UPDATE inbox_applications SET status = 'pending', handled_by = NULL, handled_at = NULL, reason = NULL, handled_via = NULL, rule_id = NULL WHERE id = ?",
        [row.id],
      );
  });
}

/** Requesters who got into the group (approved in the app, added, or joined): their pending applications are approved. */
export async function settleJoined(db: Store, groupId: string, userIds: string[], by: string | null, at: string): Promise<InboxRow[]> {
  if (userIds.length === 0) return [];
  return db.all<InboxRow>(
    `UPDATE inbox_applications SET status = 'approved', handled_by = ?, handled_at = ?, handled_via = 'app'
     WHERE group_id = ? AND status = 'pending' AND requester_id IN (${placeholders(userIds.length)}) RETURNING *`,
    [by, at, groupId, ...userIds],
  );
}

/** The group was dismissed: its pending applications can no longer be handled. */
export async function closeGroupApplications(db: Store, groupId: string, at: string): Promise<number> {
  return db.run("UPDATE inbox_applications SET status = 'closed', handled_at = ? WHERE group_id = ? AND status = 'pending'", [at, groupId]);
}

/** After a complete crawl: groups no longer in the directory were dismissed or recycled. */
export async function closeApplicationsOfUnknownGroups(db: Store, at: string): Promise<number> {
  return db.run(
    "UPDATE inbox_applications SET status = 'closed', handled_at = ? WHERE status = 'pending' AND group_id NOT IN (SELECT id FROM directory_groups)",
    [at],
  );
}

/** Which of these users have a pending application to the group. */
export async function pendingRequesters(db: Store, groupId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db.all<{ requester_id: string }>(
    `SELECT requester_id FROM inbox_applications WHERE group_id = ? AND status = 'pending' AND requester_id IN (${placeholders(userIds.length)})`,
    [groupId, ...userIds],
  );
  return rows.map((r) => r.requester_id);
}

/** Everyone with a pending application to the group (a group's pending applications are few: a person decides each). */
export async function allPendingRequesters(db: Store, groupId: string): Promise<string[]> {
  const rows = await db.all<{ requester_id: string }>(
    "SELECT requester_id FROM inbox_applications WHERE group_id = ? AND status = 'pending'",
    [groupId],
  );
  return rows.map((r) => r.requester_id);
}

/** Pending applications per group (every group asked for is in the answer, 0 when it has none). */
export async function inboxPendingCounts(db: Store, groupId?: string): Promise<Map<string, number>> {
  const rows = groupId
    ? await db.all<{ group_id: string; n: number }>(
        "SELECT group_id, COUNT(*) AS n FROM inbox_applications WHERE status = 'pending' AND group_id = ? GROUP BY group_id",
        [groupId],
      )
    : await db.all<{ group_id: string; n: number }>(
        "SELECT group_id, COUNT(*) AS n FROM inbox_applications WHERE status = 'pending' GROUP BY group_id",
      );
  const counts = new Map(rows.map((r) => [r.group_id, r.n]));
  if (groupId && !counts.has(groupId)) counts.set(groupId, 0);
  return counts;
}

/** Applications that arrived before the directory knew their group take its type once it does (after a crawl). */
export async function fillGroupTypes(db: Store): Promise<number> {
  return db.run(
    `UPDATE inbox_applications SET group_type = (SELECT type FROM directory_groups d WHERE d.id = inbox_applications.group_id)
     WHERE group_type IS NULL AND group_id IN (SELECT id FROM directory_groups)`,
  );
}
