import type { Database, Statement } from "better-sqlite3";

export interface Account {
  userId: string;
  nick: string;
  faceUrl: string;
  createdAt: number;
}

interface AccountRow {
  user_id: string;
  nick: string;
  face_url: string;
  created_at: number;
}

const toAccount = (row: AccountRow): Account => ({
  userId: row.user_id,
  nick: row.nick,
  faceUrl: row.face_url,
  createdAt: row.created_at,
});

export class AccountsRepo {
  private readonly getStmt: Statement<[string], AccountRow>;
  private readonly upsertStmt: Statement<{ userId: string; nick: string | null; faceUrl: string | null; now: number }>;
  private readonly countStmt: Statement<[], { n: number }>;

  constructor(private readonly db: Database) {
    this.getStmt = db.prepare("SELECT * FROM accounts WHERE user_id = ?");
    // Re-import updates only the fields given (null keeps what is stored), per account_import.
    this.upsertStmt = db.prepare(`
      INSERT INTO accounts (user_id, nick, face_url, created_at)
      VALUES (@userId, COALESCE(@nick, ''), COALESCE(@faceUrl, ''), @now)
      ON CONFLICT (user_id) DO UPDATE SET
        nick = COALESCE(@nick, nick),
        face_url = COALESCE(@faceUrl, face_url)`);
    this.countStmt = db.prepare("SELECT COUNT(*) AS n FROM accounts");
  }

  get(userId: string): Account | null {
    const row = this.getStmt.get(userId);
    return row ? toAccount(row) : null;
  }

  exists(userId: string): boolean {
    return this.getStmt.get(userId) !== undefined;
  }

  /** Profiles of many accounts at once (unknown ones are absent from the map). */
  many(userIds: readonly string[]): Map<string, Account> {
    const found = new Map<string, Account>();
    const unique = [...new Set(userIds)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db
        .prepare(`SELECT * FROM accounts WHERE user_id IN (${chunk.map(() => "?").join(",")})`)
        .all(...chunk) as AccountRow[];
      for (const row of rows) found.set(row.user_id, toAccount(row));
    }
    return found;
  }

  missing(userIds: readonly string[]): string[] {
    const found = this.many(userIds);
    return userIds.filter((id) => !found.has(id));
  }

  upsert(userId: string, nick: string | undefined, faceUrl: string | undefined, now: number): void {
    this.upsertStmt.run({ userId, nick: nick ?? null, faceUrl: faceUrl ?? null, now });
  }

  /** A random sample of account IDs (the simulator's cast). */
  sample(limit: number): string[] {
    return (this.db.prepare("SELECT user_id FROM accounts ORDER BY random() LIMIT ?").all(limit) as { user_id: string }[]).map(
      (r) => r.user_id,
    );
  }

  count(): number {
    return this.countStmt.get()!.n;
  }
}
