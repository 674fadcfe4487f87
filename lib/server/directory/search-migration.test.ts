import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { listGroupsQuerySchema } from "@/lib/schemas/group";
import { POSTGRES_MIGRATIONS } from "@/lib/server/store/postgres-migrations";
import { openPostgresStore } from "@/lib/server/store/postgres-store";
import { SQLITE_MIGRATIONS } from "@/lib/server/store/sqlite-migrations";
import { openSqliteStore } from "@/lib/server/store/sqlite-store";
import type { Store } from "@/lib/server/store/store";
import { freshPostgresSchema, POSTGRES_SKIPPED, TEST_DATABASE_URL } from "@/lib/server/store/test-stores";
import { queryDirectory } from "./list";

// A console upgraded with groups already in its directory: the step that adds the trigram index indexes them.
const ROWS: [string, string][] = [
  ["@TGS#2OLD0001", "Weekend Hikers 1"],
  ["@TGS#2OLD0002", "上海摄影爱好者 2"],
];
const INSERT = `INSERT INTO directory_groups (id, name, name_fold, type, owner_id, member_count, max_member_count, join_option,
  introduction, notification, face_url, mute_all, support_topic, created_at, crawl_generation, updated_at)
  VALUES ($1, $2, lower($2), 'Public', 'u_000001', 1, 100, 'FreeAccess', '', '', '', 0, 0, '2025-01-01T00:00:00.000Z', 1, '2025-01-01')`;

const search = async (db: Store, q: string) =>
  (await queryDirectory(db, listGroupsQuerySchema.parse({ q, sort: "name" }), null)).items.map((g) => g.id);

describe("the trigram index step on a directory that already holds groups", () => {
  it("SQLite: indexes the rows already there", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "console-migration-"));
    const file = path.join(dir, "console.sqlite");
    const step = SQLITE_MIGRATIONS.findIndex((m) => m.includes("directory_search USING fts5"));
    try {
      const old = new Database(file);
      for (const m of SQLITE_MIGRATIONS.slice(0, step)) old.exec(m);
      old.pragma(`user_version = ${step}`);
      for (const [id, name] of ROWS) old.prepare(INSERT.replace(/\$\d/g, "?")).run(id, name, name);
      old.close();
      const db = openSqliteStore(file);
      expect(await search(db, "hikers")).toEqual(["@TGS#2OLD0001"]);
      expect(await search(db, "摄影爱")).toEqual(["@TGS#2OLD0002"]);
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!TEST_DATABASE_URL)(
    `PostgreSQL: indexes the rows already there${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`,
    async () => {
      const { url, drop } = await freshPostgresSchema(TEST_DATABASE_URL!);
      const step = POSTGRES_MIGRATIONS.findIndex((m) => m.includes("pg_trgm"));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        for (const [i, m] of POSTGRES_MIGRATIONS.slice(0, step).entries()) {
          await client.query(m);
          await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 'then')", [i + 1]);
        }
        for (const [id, name] of ROWS) await client.query(INSERT, [id, name]);
        const db = await openPostgresStore(url);
        expect(await search(db, "hikers")).toEqual(["@TGS#2OLD0001"]);
        expect(await search(db, "摄影爱")).toEqual(["@TGS#2OLD0002"]);
        const indexes = await db.all<{ indexname: string }>(
          "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'dir_search_%' ORDER BY 1",
        );
        expect(indexes.map((i) => i.indexname)).toEqual(expect.arrayContaining(["dir_search_id", "dir_search_name", "dir_search_owner"]));
        await db.close();
      } finally {
        await client.end();
        await drop();
      }
    },
  );
});
