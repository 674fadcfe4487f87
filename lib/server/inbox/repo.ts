import "server-only";
import type { Db } from "../store/db";

/** One row of the console's own inbox (only used when the IM server has no applications extension). */
export type InboxRow = {
  id: number; group_id: string; requester_id: string; message: string; status: "pending" | "approved" | "refused" | "closed";
  created_at: string; handled_by: string | null; handled_at: string | null; reason: string | null;
};

export type Decision = { status: "approved" | "refused"; by: string; at: string; reason?: string };

/** IDs arrive from URLs: anything but a positive integer is simply not an application. */
const rowId = (id: string) => (/^[1-9]\d{0,15}$/.test(id) ? Number(id) : null);

export function inboxRow(db: Db, id: string): InboxRow | null {
  const n = rowId(id);
  return n === null ? null : ((db.prepare("SELECT * FROM inbox_applications WHERE id = ?").get(n) as InboxRow | undefined) ?? null);
}

/** The group of an application in the inbox, for the audit intent (undefined for the IM server's applications). */
export function inboxGroupOf(db: Db, id: string): string | undefined {
  return inboxRow(db, id)?.group_id;
}

/**
 * A requester's application, new or again: applying again updates the pending one (its message and time),
 * unless this report is older than what is kept (webhooks may arrive out of order). Answers its ID.
 */
export function recordApplication(db: Db, a: { groupId: string; requesterId: string; message: string; at: string }): number {
  const row = db
    .prepare(
      `INSERT INTO inbox_applications (group_id, requester_id, message, status, created_at) VALUES (?, ?, ?, 'pending', ?)
       ON CONFLICT (group_id, requester_id) WHERE status = 'pending' DO UPDATE SET
         message = CASE WHEN excluded.created_at >= created_at THEN excluded.message ELSE message END,
         created_at = MAX(created_at, excluded.created_at)
       RETURNING id`,
    )
    .get(a.groupId, a.requesterId, a.message, a.at) as { id: number };
  return row.id;
}

export function listInbox(db: Db, q: { groupId?: string; status: "pending" | "approved" | "refused"; limit: number; after?: { createdAt: string; id: number } }) {
  const where = ["status = ?"];
  const args: (string | number)[] = [q.status];
  if (q.groupId) {
    where.push("group_id = ?");
    args.push(q.groupId);
  }
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM inbox_applications WHERE ${where.join(" AND ")}`).get(...args) as { n: number }).n;
  if (q.after) {
    where.push("(created_at, id) < (?, ?)");
    args.push(q.after.createdAt, q.after.id);
  }
  const rows = db
    .prepare(`SELECT * FROM inbox_applications WHERE ${where.join(" AND ")} ORDER BY created_at DESC, id DESC LIMIT ?`)
    .all(...args, q.limit + 1) as InboxRow[];
  return { rows: rows.slice(0, q.limit), more: rows.length > q.limit, total };
}

/**
 * Settles a pending application in one conditional UPDATE: of two moderators racing, exactly one changes
 * the row; the other is answered with the row as the winner left it.
 */
export function decide(db: Db, id: string, d: Decision): { won: boolean; row: InboxRow | null } {
  const n = rowId(id);
  if (n === null) return { won: false, row: null };
  const won =
    db
      .prepare("UPDATE inbox_applications SET status = ?, handled_by = ?, handled_at = ?, reason = ? WHERE id = ? AND status = 'pending'")
      .run(d.status, d.by, d.at, d.reason ?? null, n).changes === 1;
  return { won, row: inboxRow(db, id) };
}

/**
 * Takes back a decision whose IM call failed, so the application can be handled again. If the requester
 * applied anew meanwhile, that newer application stands and this one is closed.
 */
export function undoDecision(db: Db, id: string, by: string): void {
  db.transaction(() => {
    const row = inboxRow(db, id);
    if (!row || row.handled_by !== by || (row.status !== "approved" && row.status !== "refused")) return;
    const newer = db.prepare("SELECT 1 FROM inbox_applications WHERE group_id = ? AND requester_id = ? AND status = 'pending'").get(row.group_id, row.requester_id);
    if (newer) db.prepare("UPDATE inbox_applications SET status = 'closed' WHERE id = ?").run(row.id);
    else db.prepare("UPDATE inbox_applications SET status = 'pending', handled_by = NULL, handled_at = NULL, reason = NULL WHERE id = ?").run(row.id);
  })();
}

/** Requesters who got into the group (approved in the app, added, or joined): their pending applications are approved. */
export function settleJoined(db: Db, groupId: string, userIds: string[], by: string | null, at: string): InboxRow[] {
  if (userIds.length === 0) return [];
  return db
    .prepare(
      `UPDATE inbox_applications SET status = 'approved', handled_by = ?, handled_at = ?
       WHERE group_id = ? AND status = 'pending' AND requester_id IN (${userIds.map(() => "?").join(",")}) RETURNING *`,
    )
    .all(by, at, groupId, ...userIds) as InboxRow[];
}

/** The group was dismissed: its pending applications can no longer be handled. */
export function closeGroupApplications(db: Db, groupId: string, at: string): number {
  return db.prepare("UPDATE inbox_applications SET status = 'closed', handled_at = ? WHERE group_id = ? AND status = 'pending'").run(at, groupId).changes;
}

/** After a complete crawl: groups no longer in the directory were dismissed or recycled. */
export function closeApplicationsOfUnknownGroups(db: Db, at: string): number {
  return db
    .prepare("UPDATE inbox_applications SET status = 'closed', handled_at = ? WHERE status = 'pending' AND group_id NOT IN (SELECT id FROM directory_groups)")
    .run(at).changes;
}

/** Which of these users have a pending application to the group. */
export function pendingRequesters(db: Db, groupId: string, userIds: string[]): string[] {
  if (userIds.length === 0) return [];
  const rows = db
    .prepare(`SELECT requester_id FROM inbox_applications WHERE group_id = ? AND status = 'pending' AND requester_id IN (${userIds.map(() => "?").join(",")})`)
    .all(groupId, ...userIds) as { requester_id: string }[];
  return rows.map((r) => r.requester_id);
}

/** Pending applications per group (every group asked for is in the answer, 0 when it has none). */
export function inboxPendingCounts(db: Db, groupId?: string): Map<string, number> {
  const rows = groupId
    ? (db.prepare("SELECT group_id, COUNT(*) AS n FROM inbox_applications WHERE status = 'pending' AND group_id = ? GROUP BY group_id").all(groupId) as { group_id: string; n: number }[])
    : (db.prepare("SELECT group_id, COUNT(*) AS n FROM inbox_applications WHERE status = 'pending' GROUP BY group_id").all() as { group_id: string; n: number }[]);
  const counts = new Map(rows.map((r) => [r.group_id, r.n]));
  if (groupId && !counts.has(groupId)) counts.set(groupId, 0);
  return counts;
}
