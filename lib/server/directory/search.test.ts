import { expect, it } from "vitest";
import { listGroupsQuerySchema, type Group } from "@/lib/schemas/group";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { queryDirectory } from "./list";
import { removeGroup, upsertGroups } from "./repo";
import type { SearchLimits } from "./search";
import { directoryGroup } from "@/lib/server/testing/groups";

// Searching the directory (docs/directory.md § Search): substrings of IDs, names and owners through the trigram
// index, short queries by a bounded scan, and totals that say when they are only a lower bound. The limits are
// small here (a cap of 3 matches, a window of 4 rows) so that both sides of each show at a few groups.
const SMALL: SearchLimits = { countCap: 3, scanWindow: 4 };

const group = (id: string, name: string, ownerId: string, n: number): Group =>
  directoryGroup({ id, name, ownerId, memberCount: n, createdAt: `2025-01-${String(n).padStart(2, "0")}T00:00:00.000Z` });

const GROUPS = [
  group("@TGS#2ALPHA01", "Weekend Hikers 1", "u_000101", 1),
  group("@TGS#2BRAVO02", "Tokyo React 勉強会", "u_000102", 2),
  group("@TGS#2CHARL03", "上海摄影爱好者 3", "u_000103", 3),
  group("@TGS#2DELTA04", "京都写真部 4", "u_000101", 4),
  group("@TGS#2ECHO005", "Weekend Hikers 5", "u_000105", 5),
  group("@TGS#2FOXTR06", "Night Runners 6", "u_000106", 6),
];

describeEachStore("searching the group directory", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));
  const list = (q: Record<string, string | number>, limits?: SearchLimits) =>
    queryDirectory(db, listGroupsQuerySchema.parse({ sort: "created", limit: 50, ...q }), null, limits);
  const names = async (q: string, limits?: SearchLimits) => (await list({ q }, limits)).items.map((g) => g.name);

  it("finds a substring of a group's ID, name or owner, in Latin, Japanese and Chinese, whatever its case or width", async () => {
    await upsertGroups(db, GROUPS, 1);
    expect(await names("ikers")).toEqual(["Weekend Hikers 1", "Weekend Hikers 5"]);
    expect(await names("ＴＯＫＹＯ")).toEqual(["Tokyo React 勉強会"]); // full width and upper case fold to "tokyo"
    expect(await names("勉強会")).toEqual(["Tokyo React 勉強会"]);
    expect(await names("摄影爱")).toEqual(["上海摄影爱好者 3"]);
    expect(await names("写真")).toEqual(["京都写真部 4"]); // two characters: no trigram, the bounded scan
    expect(await names("2delta")).toEqual(["京都写真部 4"]); // inside the ID, not only from its start
    expect(await names("000101")).toEqual(["Weekend Hikers 1", "京都写真部 4"]); // part of the owner's ID
    expect(await names("nobody-has-this")).toEqual([]);
    const found = await list({ q: "ikers" });
    expect([found.total, found.totalExact]).toEqual([2, true]);
  });

  it("never drifts from the rows: new groups, renames, a new owner and removals are found as they are now", async () => {
    await upsertGroups(db, GROUPS, 1);
    await upsertGroups(
      db,
      [
        { ...GROUPS[0], name: "Mountain Climbers 1" },
        { ...GROUPS[5], ownerId: "u_999999" },
      ],
      2,
    );
    await upsertGroups(db, [group("@TGS#2GOLF007", "Weekend Hikers 7", "u_000107", 7)], 2);
    await removeGroup(db, GROUPS[4].id);
    expect(await names("ikers")).toEqual(["Weekend Hikers 7"]);
    expect(await names("climbers")).toEqual(["Mountain Climbers 1"]);
    expect(await names("u_999999")).toEqual(["Night Runners 6"]);
    expect(await names("u_000106")).toEqual([]);
    expect(await names("2echo")).toEqual([]);
    if (kind === "sqlite") {
      // FTS5 compares its index with the table it indexes, row by row: it throws on any difference.
      await db.run("INSERT INTO directory_search (directory_search, rank) VALUES ('integrity-check', 1)");
    }
  });

  it("a search matching more groups than it counts says '3+' and still pages through every match once", async () => {
    await upsertGroups(db, GROUPS, 1);
    const first = await list({ q: "tgs#2", limit: 2 }, SMALL);
    expect([first.total, first.totalExact]).toEqual([3, false]);
    const everyGroup = await list({ limit: 2 }, SMALL); // without a search, the counts are whole at any size
    expect([everyGroup.total, everyGroup.totalExact]).toEqual([6, true]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ q: "tgs#2", limit: 2, ...(cursor ? { cursor } : {}) }, SMALL);
      seen.push(...page.items.map((g) => g.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(GROUPS.map((g) => g.id));
  });

  it("a short query looks at a window of rows per page, says where it stopped, and counts only what it looked at", async () => {
    await upsertGroups(db, GROUPS, 1);
    // "部" and "会" (one character): groups 2 and 4 hold them; the window is 4 rows, newest first: 6, 5, 4, 3.
    const first = await list({ q: "部", sort: "-created" }, SMALL);
    expect(first.items.map((g) => g.id)).toEqual(["@TGS#2DELTA04"]);
    expect([first.total, first.totalExact]).toEqual([1, false]);
    const second = await list({ q: "会", sort: "-created" }, SMALL);
    expect(second.items).toEqual([]); // nothing among the first 4 rows...
    expect(second.nextCursor).not.toBeNull(); // ...but it stopped looking, and says where
    const rest = await list({ q: "会", sort: "-created", cursor: second.nextCursor! }, SMALL);
    expect(rest.items.map((g) => g.id)).toEqual(["@TGS#2BRAVO02"]);
    expect(rest.nextCursor).toBeNull();
    // With every row inside the window, the count is exact.
    const all = await list({ q: "部" }, { countCap: 3, scanWindow: 100 });
    expect([all.total, all.totalExact]).toEqual([1, true]);
  });

  it("searches only the groups of a scoped user, and counts them exactly", async () => {
    await upsertGroups(db, GROUPS, 1);
    const who = { scope: { groupIds: ["@TGS#2ECHO005", "@TGS#2FOXTR06"] } };
    const page = await queryDirectory(db, listGroupsQuerySchema.parse({ q: "ikers" }), who, SMALL);
    expect(page.items.map((g) => g.id)).toEqual(["@TGS#2ECHO005"]);
    expect([page.total, page.totalExact]).toEqual([1, true]);
  });

  it("filters by type and join option while sorting by members, both ways", async () => {
    await upsertGroups(
      db,
      [...GROUPS, { ...group("@TGS#2WORK008", "Team 8", "u_000108", 8), type: "Work", joinOption: "DisableApply" }],
      1,
    );
    const ids = async (q: Record<string, string>) => (await list(q)).items.map((g) => g.id);
    expect(await ids({ type: "Work", sort: "-members" })).toEqual(["@TGS#2WORK008"]);
    expect(await ids({ joinOption: "NeedPermission", sort: "members", q: "ikers" })).toEqual(["@TGS#2ALPHA01", "@TGS#2ECHO005"]);
  });
});
