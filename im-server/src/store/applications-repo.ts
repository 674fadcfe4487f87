import type { Database, Statement } from "better-sqlite3";
import type { ApplicationStatus } from "../domain/group-rules";

export interface Application {
  id: number;
  groupId: string;
  requester: string;
  message: string;
  status: ApplicationStatus;
  createdAt: number;
  handledBy: string | null;
  handledAt: number | null;
  reason: string | null;
}

interface ApplicationRow {
  id: number;
  group_id: string;
  requester: string;
  message: string;
  status: string;
  created_at: number;
  handled_by: string | null;
  handled_at: number | null;
  reason: string | null;
}

const toApplication = (row: ApplicationRow): Application => ({
  id: row.id,
  groupId: row.group_id,
  requester: row.requester,
  message: row.message,
  status: row.status as ApplicationStatus,
  createdAt: row.created_at,
  handledBy: row.handled_by,
  handledAt: row.handled_at,
  reason: row.reason,
});

export interface ApplicationQuery {
  groupId?: string;
  /** Only these applications (a console checking what became of ones it handled). */
  ids?: number[];
  status?: ApplicationStatus;
  /** Only this user's applications, to any group (a console showing an applicant's history). */
  requester?: string;
  /** Only applications to groups this user owns or administers (the client's view). */
  managedBy?: string;
  /** Newest first (the default) or oldest first; ties on createdAt go by id in the same direction. */
  order?: ApplicationOrder;
  /** Keyset cursor: strictly after (createdAt, id) in the list's order. */
  after?: { createdAt: number; id: number };
  limit: number;
}

export type ApplicationOrder = "newest" | "oldest";

export class ApplicationsRepo {
  private readonly getStmt: Statement<[number], ApplicationRow>;

  constructor(private readonly db: Database) {
    this.getStmt = db.prepare("SELECT * FROM applications WHERE id = ?");
  }

  get(id: number): Application | null {
    const row = this.getStmt.get(id);
    return row ? toApplication(row) : null;
  }

  /**
   * Records a pending application; applying again while one is open refreshes its message and
   * time instead of adding a second one. Returns the application's id.
   */
  upsertPending(groupId: string, requester: string, message: string, now: number): number {
    const row = this.db
      .prepare(
        `INSERT INTO applications (group_id, requester, message, status, created_at) VALUES (?, ?, ?, 'pending', ?)
         ON CONFLICT (group_id, requester) WHERE status = 'pending'
         DO UPDATE SET message = excluded.message, created_at = excluded.created_at
         RETURNING id`,
      )
      .get(groupId, requester, message, now) as { id: number };
    return row.id;
  }

  /** Seeding writes history directly, handled ones included. */
  insert(app: Omit<Application, "id">): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO applications (group_id, requester, message, status, created_at, handled_by, handled_at, reason)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(app.groupId, app.requester, app.message, app.status, app.createdAt, app.handledBy, app.handledAt, app.reason).lastInsertRowid,
    );
  }

  /**
   * The one place an application leaves `pending`: a conditional UPDATE, so of two racing
   * handlers exactly one changes the row and the other sees 0 changes.
   */
  settle(id: number, status: "approved" | "refused", handledBy: string, reason: string, now: number): boolean {
    return (
      this.db
        .prepare("UPDATE applications SET status = ?, handled_by = ?, handled_at = ?, reason = ? WHERE id = ? AND status = 'pending'")
        .run(status, handledBy, now, reason, id).changes === 1
    );
  }

  /** When a user gets in another way (added, invited, joined), their open application is settled. */
  settlePendingFor(groupId: string, requester: string, handledBy: string, reason: string, now: number): number[] {
    const rows = this.db
      .prepare(
        `UPDATE applications SET status = 'approved', handled_by = ?, handled_at = ?, reason = ?
         WHERE group_id = ? AND requester = ? AND status = 'pending' RETURNING id`,
      )
      .all(handledBy, now, reason, groupId, requester) as { id: number }[];
    return rows.map((r) => r.id);
  }

  private filter(query: Omit<ApplicationQuery, "limit" | "after" | "order">): { where: string; params: unknown[] } {
    // Applications of dismissed groups can no longer be handled, so lists leave them out.
    const conditions = ["g.dismissed_at IS NULL"];
    const params: unknown[] = [];
    if (query.groupId !== undefined) {
      conditions.push("a.group_id = ?");
      params.push(query.groupId);
    }
    if (query.ids !== undefined) {
      conditions.push(`a.id IN (${query.ids.map(() => "?").join(",") || "NULL"})`);
      params.push(...query.ids);
    }
    if (query.status !== undefined) {
      conditions.push("a.status = ?");
      params.push(query.status);
    }
    if (query.requester !== undefined) {
      conditions.push("a.requester = ?");
      params.push(query.requester);
    }
    if (query.managedBy !== undefined) {
      conditions.push("EXISTS (SELECT 1 FROM members m WHERE m.group_id = a.group_id AND m.user_id = ? AND m.role IN ('Owner', 'Admin'))");
      params.push(query.managedBy);
    }
    return { where: conditions.join(" AND "), params };
  }

  /** In the order asked, with a stable tie-break on id (many applications share a second). */
  list(query: ApplicationQuery): Application[] {
    const { where, params } = this.filter(query);
    const [cmp, dir] = query.order === "oldest" ? [">", "ASC"] : ["<", "DESC"];
    const keyset = query.after ? `AND (a.created_at ${cmp} ? OR (a.created_at = ? AND a.id ${cmp} ?))` : "";
    const keysetParams = query.after ? [query.after.createdAt, query.after.createdAt, query.after.id] : [];
    const rows = this.db
      .prepare(
        `SELECT a.* FROM applications a JOIN groups g ON g.group_id = a.group_id
         WHERE ${where} ${keyset} ORDER BY a.created_at ${dir}, a.id ${dir} LIMIT ?`,
      )
      .all(...params, ...keysetParams, query.limit) as ApplicationRow[];
    return rows.map(toApplication);
  }

  count(query: Omit<ApplicationQuery, "limit" | "after" | "order">): number {
    const { where, params } = this.filter(query);
    return (
      this.db
        .prepare(`SELECT COUNT(*) AS n FROM applications a JOIN groups g ON g.group_id = a.group_id WHERE ${where}`)
        .get(...params) as {
        n: number;
      }
    ).n;
  }

  pendingFor(groupId: string, requester: string): Application | null {
    const row = this.db
      .prepare("SELECT * FROM applications WHERE group_id = ? AND requester = ? AND status = 'pending'")
      .get(groupId, requester) as ApplicationRow | undefined;
    return row ? toApplication(row) : null;
  }
}
