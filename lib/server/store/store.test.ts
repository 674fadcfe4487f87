import { expect, it } from "vitest";
import type { Group } from "@/lib/schemas/group";
import { listAuditQuerySchema, type AuditActionName } from "@/lib/schemas/audit";
import { listGroupsQuerySchema } from "@/lib/schemas/group";
import { recordEvent, recordIntent } from "@/lib/server/audit/intents";
import { queryAudit } from "@/lib/server/audit/query";
import { getDirectoryGroup, queryDirectory, removeGroup, upsertGroups } from "@/lib/server/directory";
import { directoryGroup } from "@/lib/server/testing/groups";
import { leaseHolder, releaseLease, takeLease } from "@/lib/server/platform/lease";
import { POSTGRES_MIGRATIONS } from "./postgres-migrations";
import { openPostgresStore } from "./postgres-store";
import { describeEachStore, freshPostgresSchema, freshStoreEachTest, TEST_DATABASE_URL, type TestStore } from "./test-stores";

// What the console promises of its store, whichever database holds it: the same answers, in the same order.
describeEachStore("the console store", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));

  it("a transaction commits everything or, when its work throws, nothing", async () => {
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO directory_state (key, value) VALUES (?, ?)", ["a", "1"]);
      await tx.run("INSERT INTO directory_state (key, value) VALUES (?, ?)", ["b", "2"]);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.run("INSERT INTO directory_state (key, value) VALUES (?, ?)", ["c", "3"]);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await db.all("SELECT key FROM directory_state ORDER BY key")).toEqual([{ key: "a" }, { key: "b" }]);
  });

  it("transactions serialized on one name never lose each other's updates, however they interleave", async () => {
    await db.run("INSERT INTO directory_state (key, value) VALUES ('counter', '0')");
    const increment = () =>
      db.transaction(
        async (tx) => {
          const { value } = (await tx.get<{ value: string }>("SELECT value FROM directory_state WHERE key = 'counter'"))!;
          await new Promise((r) => setTimeout(r, 1)); // another request's turn, if it could take one
          await tx.run("UPDATE directory_state SET value = ? WHERE key = 'counter'", [String(Number(value) + 1)]);
        },
        { serializeOn: "counter" },
      );
    await Promise.all(Array.from({ length: 10 }, increment));
    expect((await db.get<{ value: string }>("SELECT value FROM directory_state WHERE key = 'counter'"))?.value).toBe("10");
  });

  it("counts and row IDs come back as numbers, and new rows answer their ID", async () => {
    const actor = { id: "1", email: "a@x.test" };
    const first = await recordIntent(db, { actor, action: "group.create", requestId: "r1" });
    const second = await recordIntent(db, { actor, action: "group.create", requestId: "r2" });
    expect(typeof first).toBe("number");
    expect(second).toBeGreaterThan(first);
    expect(await db.get("SELECT COUNT(*) AS n FROM audit")).toEqual({ n: 2 });
  });

  it("of two instances asking for a lease, one gets it; it passes on when released or when it lapses", async () => {
    const now = 1_000_000;
    expect(await takeLease(db, "crawl", "A", 60_000, now)).toBe(true);
    expect(await takeLease(db, "crawl", "B", 60_000, now + 1)).toBe(false);
    expect(await takeLease(db, "crawl", "A", 60_000, now + 2)).toBe(true); // renewed by its holder
    expect(await leaseHolder(db, "crawl", now + 3)).toBe("A");
    expect(await takeLease(db, "crawl", "B", 60_000, now + 60_003)).toBe(true); // A stopped renewing: lapsed
    await releaseLease(db, "crawl", "A"); // not A's any more: nothing happens
    expect(await leaseHolder(db, "crawl", now + 60_004)).toBe("B");
    await releaseLease(db, "crawl", "B");
    expect(await leaseHolder(db, "crawl", now + 60_005)).toBeNull();
  });

  const group = (id: string, name: string, memberCount: number, createdAt: string): Group =>
    directoryGroup({ id, name, memberCount, createdAt });
  const names = ["Zebra", "apple", "Äpfel", "読書会", "book club", "Book Club 2", "_under", "100% fans", "éclair", "中文群"];

  it("lists the directory in the same order from either store, page after page, by every sort", async () => {
    await upsertGroups(
      db,
      names.map((n, i) => group(`@TGS#${i}`, n, (i * 7) % 5, `2025-01-0${(i % 9) + 1}T00:00:00.000Z`)),
      1,
    );
    for (const sort of ["name", "-name", "members", "-members", "created", "-created"] as const) {
      const all = await queryDirectory(db, listGroupsQuerySchema.parse({ sort, limit: 100 }), null);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await queryDirectory(db, listGroupsQuerySchema.parse({ sort, limit: 3, cursor }), null);
        paged.push(...page.items.map((g) => g.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(paged, sort).toEqual(all.items.map((g) => g.id));
      expect(all.total).toBe(names.length);
    }
    // Byte order of the folded name, as SQLite sorts: ASCII, then accented Latin, then CJK.
    const byName = (await queryDirectory(db, listGroupsQuerySchema.parse({ sort: "name", limit: 100 }), null)).items.map((g) => g.name);
    expect(byName).toEqual(["100% fans", "_under", "apple", "book club", "Book Club 2", "Zebra", "Äpfel", "éclair", "中文群", "読書会"]);
  });

  it("searches names without case, and takes % and _ in a search literally", async () => {
    await upsertGroups(
      db,
      names.map((n, i) => group(`@TGS#${i}`, n, 1, "2025-01-01T00:00:00.000Z")),
      1,
    );
    const search = async (q: string) =>
      (await queryDirectory(db, listGroupsQuerySchema.parse({ q, sort: "name" }), null)).items.map((g) => g.name);
    expect(await search("BOOK")).toEqual(["book club", "Book Club 2"]);
    expect(await search("%")).toEqual(["100% fans"]);
    expect(await search("_")).toEqual(["_under"]);
    expect(await search("読書")).toEqual(["読書会"]);
    expect(await search("@tgs#3")).toEqual(["読書会"]); // an ID from its start, in any case
  });

  it("refreshes a crawl page of more than one statement's rows, where one group may be reported twice (the last report wins)", async () => {
    const many = Array.from({ length: 1_201 }, (_, i) =>
      group(`@TGS#${String(i).padStart(5, "0")}`, `g${i}`, 1, "2025-01-01T00:00:00.000Z"),
    );
    await upsertGroups(db, [...many, { ...many[7], name: "renamed" }], 1);
    expect(await db.get("SELECT COUNT(*) AS n FROM directory_groups")).toEqual({ n: 1_201 });
    expect(await db.get("SELECT name FROM directory_groups WHERE id = ?", [many[7].id])).toEqual({ name: "renamed" });
    await upsertGroups(db, [{ ...many[7], name: "again" }], 2);
    expect(await db.get("SELECT name, crawl_generation FROM directory_groups WHERE id = ?", [many[7].id])).toEqual({
      name: "again",
      crawl_generation: 2,
    });
  });

  it("a group dismissed on one instance is not brought back by a read another instance made before the dismissal", async () => {
    const g = group("@TGS#gone", "Gone soon", 3, "2025-01-01T00:00:00.000Z");
    await upsertGroups(db, [g], 1);
    const readBefore = new Date(Date.now() - 1000).toISOString();
    await removeGroup(db, g.id);
    await upsertGroups(db, [g], 1, readBefore);
    expect(await getDirectoryGroup(db, g.id)).toBeNull();
    // Created again with the same ID (custom IDs may be reused): a read after the dismissal stands.
    await upsertGroups(db, [{ ...g, name: "Back again" }], 1, new Date(Date.now() + 1).toISOString());
    expect((await getDirectoryGroup(db, g.id))?.name).toBe("Back again");
  });

  it("the list's totals without a search follow every insert, change of type or join option, and removal", async () => {
    const total = async (q: Record<string, string> = {}) => (await queryDirectory(db, listGroupsQuerySchema.parse(q), null)).total;
    const counted = async (where: string, args: string[] = []) =>
      (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM directory_groups ${where}`, args))!.n;
    const check = async () => {
      expect(await total()).toBe(await counted(""));
      for (const type of ["Public", "Work"]) {
        expect(await total({ type })).toBe(await counted("WHERE type = ?", [type]));
        expect(await total({ type, joinOption: "NeedPermission" })).toBe(
          await counted("WHERE type = ? AND join_option = ?", [type, "NeedPermission"]),
        );
      }
    };
    const many = Array.from({ length: 700 }, (_, i) => group(`@TGS#c${i}`, `c${i}`, 1, "2025-01-01T00:00:00.000Z"));
    await upsertGroups(db, many, 1);
    await check();
    await upsertGroups(
      db,
      many.slice(0, 300).map((g) => ({ ...g, type: "Work" as const, joinOption: "DisableApply" as const })),
      2,
    );
    await upsertGroups(db, many.slice(600), 2); // refreshed, nothing changed
    await check();
    await removeGroup(db, many[0].id);
    await db.run("DELETE FROM directory_groups WHERE crawl_generation < 2");
    await check();
    expect(await total()).toBe(399);
  });

  it("a cursor forged with a value of the wrong kind is a bad request, not a database error", async () => {
    const forged = (v: unknown) =>
      Buffer.from(JSON.stringify({ k: "-members", f: JSON.stringify(["", "", "", "-members"]), v, id: "x" })).toString("base64url");
    for (const v of ["ten", 2 ** 40, 1.5]) {
      await expect(queryDirectory(db, listGroupsQuerySchema.parse({ sort: "-members", cursor: forged(v) }), null)).rejects.toMatchObject({
        code: "bad_request",
      });
    }
  });

  it("keeps a group whose name holds a NUL character (PostgreSQL cannot store one: it becomes U+FFFD)", async () => {
    await upsertGroups(db, [group("@TGS#nul", "odd\u0000name", 1, "2025-01-01T00:00:00.000Z")], 1);
    const [listed] = (await queryDirectory(db, listGroupsQuerySchema.parse({ q: "odd" }), null)).items;
    expect(listed.name).toBe(kind === "postgres" ? "odd\uFFFDname" : "odd\u0000name");
  });

  it("filters the audit log by part of an actor's address, literally and without case", async () => {
    const log = (email: string, action: AuditActionName) =>
      recordEvent(db, { actor: { id: "", email }, action, result: "ok", requestId: "r" });
    await log("Ann_Lee@example.com", "auth.signin");
    await log("annxlee@example.com", "auth.signin");
    await log("bob@example.com", "auth.signin_failed");
    const actors = async (q: Record<string, string>) =>
      (await queryAudit(db, listAuditQuerySchema.parse(q))).items.map((e) => e.actor.email);
    expect(await actors({ actor: "ann_" })).toEqual(["Ann_Lee@example.com"]);
    expect(await actors({ actor: "EXAMPLE" })).toHaveLength(3);
    expect(await actors({ action: "auth.signin_failed" })).toEqual(["bob@example.com"]);
  });

  if (kind === "postgres") {
    it("instances starting together on an empty database migrate it once", async () => {
      const { url, drop } = await freshPostgresSchema(TEST_DATABASE_URL!);
      try {
        const stores = await Promise.all([openPostgresStore(url), openPostgresStore(url), openPostgresStore(url)]);
        const first = stores[0];
        const versions = await first.all<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
        expect(versions.map((v) => v.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
        await Promise.all(stores.map((s) => s.close()));
      } finally {
        await drop();
      }
    });
  }
});
