import "server-only";
import { openPostgresStore } from "./postgres-store";
import { openSqliteStore } from "./sqlite-store";
import type { SqlValue, Store } from "./store";

export type StoreConfig = { databaseUrl?: string; sqliteFile: string };

/**
 * PostgreSQL when a database URL is configured, else the SQLite file. Answers at once: PostgreSQL connects
 * and migrates on first use, and every call waits for that (a failure is thrown to each caller, then retried).
 */
export function openStore(config: StoreConfig): Store {
  if (!config.databaseUrl) return openSqliteStore(config.sqliteFile);
  const url = config.databaseUrl;
  let opening: Promise<Store> | null = null;
  const ready = () =>
    (opening ??= openPostgresStore(url).catch((err: unknown) => {
      opening = null;
      throw err;
    }));
  return {
    dialect: "postgres",
    all: async <T>(sql: string, params?: readonly SqlValue[]) => (await ready()).all<T>(sql, params),
    get: async <T>(sql: string, params?: readonly SqlValue[]) => (await ready()).get<T>(sql, params),
    run: async (sql, params) => (await ready()).run(sql, params),
    transaction: async (work, options) => (await ready()).transaction(work, options),
    close: async () => (opening ? (await opening).close() : undefined),
  };
}
