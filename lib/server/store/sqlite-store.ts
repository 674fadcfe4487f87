import "server-only";
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { SQLITE_MIGRATIONS } from "./sqlite-migrations";
import type { SqlValue, Store } from "./store";

/**
 * The default store: one SQLite file in WAL mode, so readers never wait for the one writer. The driver is
 * synchronous; a transaction that awaits is kept whole by making every other caller wait for it to end.
 */
export function openSqliteStore(file: string): Store {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db);

  // Prepared once per text: the console runs a few dozen distinct statements.
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let stmt = prepared.get(sql);
    if (!stmt) prepared.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  const direct = {
    all: async <T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> => statement(sql).all(...params) as T[],
    get: async <T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> => statement(sql).get(...params) as T | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => statement(sql).run(...params).changes,
  };

  // While a transaction is open (it may await between statements), everyone else waits for it to end, so
  // no other caller's statement lands inside it.
  // The check and the claim (or the statement) must follow each other with no await between them.
  let busy = false;
  let ended: Promise<void> = Promise.resolve();
  const store: Store = {
    dialect: "sqlite",
    async all<T>(sql: string, params?: readonly SqlValue[]) {
      while (busy) await ended;
      return direct.all<T>(sql, params);
    },
    async get<T>(sql: string, params?: readonly SqlValue[]) {
      while (busy) await ended;
      return direct.get<T>(sql, params);
    },
    async run(sql, params) {
      while (busy) await ended;
      return direct.run(sql, params);
    },
    async transaction(work) {
      while (busy) await ended;
      busy = true;
      let release!: () => void;
      ended = new Promise<void>((resolve) => (release = resolve));
      const tx: Store = { ...store, ...direct, transaction: (inner) => inner(tx) };
      try {
        db.exec("BEGIN IMMEDIATE");
        const result = await work(tx);
        db.exec("COMMIT");
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw err;
      } finally {
        busy = false;
        release();
      }
    },
    async close() {
      while (busy) await ended;
      db.close();
    },
  };
  return store;
}

/** `PRAGMA user_version` records how many steps have run. */
function migrate(db: Database.Database) {
  const version = db.pragma("user_version", { simple: true }) as number;
  for (let i = version; i < SQLITE_MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[i]);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}
