// Bans: who is kept out of a group until when. A ban lapses by itself: every read compares
// banned_until with the caller's clock, so no timer has to lift it.
import type { Database } from "better-sqlite3";

export interface Ban {
  userId: string;
  bannedUntil: number;
}

export class BansRepo {
  constructor(private readonly db: Database) {}

  set(groupId: string, userId: string, bannedUntil: number, description: string, now: number): void {
    this.db
      .prepare(
        `INSERT INTO bans (group_id, user_id, banned_until, description, banned_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET banned_until = excluded.banned_until, description = excluded.description, banned_at = excluded.banned_at`,
      )
      .run(groupId, userId, bannedUntil, description, now);
  }

  lift(groupId: string, userId: string): void {
    this.db.prepare("DELETE FROM bans WHERE group_id = ? AND user_id = ?").run(groupId, userId);
  }

  /** The end of a ban still running at `now`, or null. */
  until(groupId: string, userId: string, now: number): number | null {
    const row = this.db
      .prepare("SELECT banned_until FROM bans WHERE group_id = ? AND user_id = ? AND banned_until > ?")
      .get(groupId, userId, now) as { banned_until: number } | undefined;
    return row?.banned_until ?? null;
  }

  /** Bans still running, oldest first (a stable order for Offset paging). */
  active(groupId: string, now: number, offset: number, limit: number): { items: Ban[]; total: number } {
    const rows = this.db
      .prepare(
        "SELECT user_id, banned_until FROM bans WHERE group_id = ? AND banned_until > ? ORDER BY banned_at, user_id LIMIT ? OFFSET ?",
      )
      .all(groupId, now, limit, offset) as { user_id: string; banned_until: number }[];
    const total = (
      this.db.prepare("SELECT COUNT(*) AS n FROM bans WHERE group_id = ? AND banned_until > ?").get(groupId, now) as { n: number }
    ).n;
    return { items: rows.map((r) => ({ userId: r.user_id, bannedUntil: r.banned_until })), total };
  }
}
