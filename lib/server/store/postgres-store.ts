import "server-only";
import pg from "pg";
import { POSTGRES_MIGRATIONS } from "./postgres-migrations";
import type { SqlValue, Store } from "./store";

// COUNT(*) and BIGINT keys arrive as int8: as numbers, like SQLite gives them (row IDs stay far below 2^53).
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** `?` placeholders become `$1, $2, …`; a `?` inside a quoted literal is left alone. */
export function toPositional(sql: string): string {
  let n = 0;
  let quoted = false;
  let out = "";
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === "?" && !quoted ? `$${++n}` : ch;
  }
  return out;
}

type Queryable = Pick<pg.PoolClient, "query">;

// PostgreSQL text cannot hold U+0000 (SQLite can): one such character in a group's name from the IM server
// would fail a whole crawl page, again and again. It is stored as U+FFFD, the replacement character.
const storable = (params: readonly SqlValue[]) =>
  params.map((v) => (typeof v === "string" && v.includes("\u0000") ? v.replaceAll("\u0000", "\uFFFD") : v));

function over(client: Queryable, transaction: Store["transaction"], close: Store["close"]): Store {
  const query = <T>(sql: string, params: readonly SqlValue[] = []) =>
    client.query<T & pg.QueryResultRow>(toPositional(sql), storable(params));
  return {
    dialect: "postgres",
    all: async <T>(sql: string, params?: readonly SqlValue[]) => (await query<T>(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly SqlValue[]) => (await query<T>(sql, params)).rows[0] as T | undefined,
    run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
    transaction,
    close,
  };
}

/** The store on PostgreSQL (`DATABASE_URL`): a pool, and a connection of its own for each transaction. */
export async function openPostgresStore(url: string, { max = 10 }: { max?: number } = {}): Promise<Store> {
  // A database that cannot be reached answers within seconds (a 503 from /api/ready), not at TCP's timeout.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    application_name: "group-console",
    connectionTimeoutMillis: 5000,
    keepAlive: true,
  });
  // An idle connection that the server drops must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const close = () => pool.end();
  const transaction: Store["transaction"] = async (work, options) => {
    const client = await pool.connect();
    const tx: Store = over(client, (inner) => inner(tx), close);
    try {
      await client.query("BEGIN");
      if (options?.serializeOn) await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [options.serializeOn]);
      const result = await work(tx);
      await client.query("COMMIT");
      client.release();
      return result;
    } catch (err) {
      // A connection that cannot even roll back is broken: the pool drops it instead of lending it again.
      const broken = await client.query("ROLLBACK").then(
        () => undefined,
        (e: Error) => e,
      );
      client.release(broken);
      throw err;
    }
  };
  const store = over(pool, transaction, close);
  try {
    await migrate(store);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  return store;
}

// Any fixed number: instances starting together take turns at migrating.
const MIGRATION_LOCK = 7_106_001;

/** `schema_migrations` records the steps that ran; one instance at a time, under an advisory lock. */
async function migrate(store: Store) {
  await store.transaction(async (tx) => {
    await tx.get("SELECT pg_advisory_xact_lock(?)", [MIGRATION_LOCK]);
    await tx.run("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    const done = await tx.get<{ n: number | null }>("SELECT MAX(version) AS n FROM schema_migrations");
    for (let i = done?.n ?? 0; i < POSTGRES_MIGRATIONS.length; i++) {
      await tx.run(POSTGRES_MIGRATIONS[i]);
      await tx.run("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", [i + 1, new Date().toISOString()]);
    }
  });
}
