import type { Database, Statement } from "better-sqlite3";

export interface StoredEvent {
  id: number;
  userId: string;
  name: string;
  payload: unknown;
  createdAt: number;
}

interface EventRow {
  id: number;
  user_id: string;
  name: string;
  payload: string;
  created_at: number;
}

/** Per-user listener events (the SSE stream's backlog) and per-user notices. */
export class EventsRepo {
  private readonly addStmt: Statement<[string, string, string, number]>;
  private readonly afterStmt: Statement<[string, number, number], EventRow>;

  constructor(private readonly db: Database) {
    this.addStmt = db.prepare("INSERT INTO events (user_id, name, payload, created_at) VALUES (?, ?, ?, ?)");
    this.afterStmt = db.prepare("SELECT * FROM events WHERE user_id = ? AND id > ? ORDER BY id LIMIT ?");
  }

  add(userIds: Iterable<string>, name: string, payload: unknown, now: number): void {
    const json = JSON.stringify(payload);
    for (const userId of new Set(userIds)) this.addStmt.run(userId, name, json, now);
  }

  after(userId: string, lastId: number, limit = 500): StoredEvent[] {
    return this.afterStmt.all(userId, lastId, limit).map((row) => ({
      id: row.id,
      userId: row.user_id,
      name: row.name,
      payload: JSON.parse(row.payload) as unknown,
      createdAt: row.created_at,
    }));
  }

  latestId(): number {
    return (this.db.prepare("SELECT COALESCE(MAX(id), 0) AS id FROM events").get() as { id: number }).id;
  }

  /** Drops events older than the retention window and keeps the table below `maxRows`. */
  prune(olderThan: number, maxRows: number): void {
    this.db.prepare("DELETE FROM events WHERE created_at < ?").run(olderThan);
    this.db.prepare("DELETE FROM events WHERE id <= (SELECT MAX(id) FROM events) - ?").run(maxRows);
  }

  addNotice(notice: {
    userId: string;
    kind: "c2c" | "group_system";
    from: string;
    groupId: string | null;
    content: unknown;
    msgTime: number;
    msgKey: string;
  }): void {
    this.db
      .prepare("INSERT INTO notices (user_id, kind, from_account, group_id, content, msg_time, msg_key) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(notice.userId, notice.kind, notice.from, notice.groupId, JSON.stringify(notice.content), notice.msgTime, notice.msgKey);
  }

  notices(userId: string): { kind: string; from: string; groupId: string | null; content: unknown; msgTime: number; msgKey: string }[] {
    return (
      this.db.prepare("SELECT * FROM notices WHERE user_id = ? ORDER BY id").all(userId) as {
        kind: string;
        from_account: string;
        group_id: string | null;
        content: string;
        msg_time: number;
        msg_key: string;
      }[]
    ).map((r) => ({
      kind: r.kind,
      from: r.from_account,
      groupId: r.group_id,
      content: JSON.parse(r.content),
      msgTime: r.msg_time,
      msgKey: r.msg_key,
    }));
  }
}
