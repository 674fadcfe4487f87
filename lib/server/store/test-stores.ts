// Test helper: the same suite against every store the console supports. SQLite always runs; PostgreSQL runs
// whenever TEST_DATABASE_URL is set (each suite in a schema of its own, dropped afterwards) and is reported
// as skipped, with the reason in its title, when it is not.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe } from "vitest";
import { freshPostgresSchema } from "./fresh-schema";
import { openPostgresStore } from "./postgres-store";
import { openSqliteStore } from "./sqlite-store";
import type { Store } from "./store";

export type StoreKind = "sqlite" | "postgres";
export type TestStore = Store & { kind: StoreKind };

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export { freshPostgresSchema };
export const POSTGRES_SKIPPED = "skipped: TEST_DATABASE_URL is not set";

/** A new, empty SQLite store in a temporary folder; closing it deletes the folder. */
export function openSqliteTestStore(): TestStore {
  const dir = mkdtempSync(path.join(tmpdir(), "console-store-"));
  const store = openSqliteStore(path.join(dir, "console.sqlite"));
  return {
    ...store,
    kind: "sqlite",
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new, empty PostgreSQL store (migrated) in a schema of its own; closing it drops the schema. */
export async function openPostgresTestStore(): Promise<TestStore> {
  const { url, drop } = await freshPostgresSchema(TEST_DATABASE_URL!);
  const store = await openPostgresStore(url);
  return {
    ...store,
    kind: "postgres",
    async close() {
      await store.close();
      await drop();
    },
  };
}

export const openTestStore = (kind: StoreKind): Promise<TestStore> =>
  kind === "sqlite" ? Promise.resolve(openSqliteTestStore()) : openPostgresTestStore();

/** Declares `suite` once per store: "title · SQLite" and "title · PostgreSQL". */
export function describeEachStore(title: string, suite: (kind: StoreKind) => void): void {
  describe(`${title} · SQLite`, () => suite("sqlite"));
  describe.skipIf(!TEST_DATABASE_URL)(`${title} · PostgreSQL${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`, () => suite("postgres"));
}

/** A new, empty store of this kind for each test, handed to `use` before it runs and closed after. */
export function freshStoreEachTest(kind: StoreKind, use: (store: TestStore) => void): void {
  let current: TestStore | undefined;
  beforeEach(async () => {
    current = await openTestStore(kind);
    use(current);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
}
