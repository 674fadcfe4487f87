import "server-only";

/** A value a statement may bind: the console stores booleans as 0/1 and times as ISO text in both databases. */
export type SqlValue = string | number | null;

/**
 * The console's store, the same interface over SQLite (the default) and PostgreSQL (`DATABASE_URL`). SQL is
 * written once with `?` placeholders, in the common subset of both dialects (`ON CONFLICT … DO UPDATE`,
 * `RETURNING`, row-value comparisons, `LIKE … ESCAPE`); the few places that differ ask `dialect`.
 */
export interface Store {
  readonly dialect: "sqlite" | "postgres";
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Answers how many rows the statement changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Runs `work` in one transaction on one connection; it commits when `work` resolves and rolls back when it
   * throws. Inside, use only the store handed to `work`. Transactions naming the same `serializeOn` run one
   * after the other, for checks that must see every earlier write (SQLite's transactions always do; on
   * PostgreSQL it takes an advisory lock for the transaction).
   */
  transaction<T>(work: (tx: Store) => Promise<T>, options?: { serializeOn?: string }): Promise<T>;
  close(): Promise<void>;
}

/** A UNIQUE or PRIMARY KEY constraint refused the write (SQLite's codes, or PostgreSQL's SQLSTATE 23505). */
export const isUniqueViolation = (err: unknown) => {
  const code = (err as { code?: string } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
};

/** `?, ?, ?` for an IN list of `n` values. */
export const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** The larger of two values: SQLite's two-argument MAX is PostgreSQL's GREATEST. */
export const greatest = (store: Store, a: string, b: string) => `${store.dialect === "postgres" ? "GREATEST" : "MAX"}(${a}, ${b})`;

/** A LIKE pattern's own characters, escaped for `LIKE ? ESCAPE '\'`. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
