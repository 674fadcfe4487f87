// Test helper (unit and end-to-end): a new, empty schema in the test database, so suites and console
// instances under test never see each other's rows. The console's own code uses whatever DATABASE_URL says.
import { randomBytes } from "node:crypto";
import pg from "pg";

export async function freshPostgresSchema(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE SCHEMA ${schema}`);
  // Every connection made with this URL (the pool's, the relay's) starts in the schema.
  const scoped = new URL(url);
  scoped.searchParams.set("options", `-c search_path=${schema}`);
  return { url: scoped.toString(), drop: () => run(`DROP SCHEMA ${schema} CASCADE`) };
}
