// get_appid_group_list's TotalCount comes from live-group counts kept by triggers (migration 4), not from
// counting rows on every page. These stories hold the kept counts to a real count through every way a group
// appears or goes: creation, dismissal, reuse of a dismissed custom ID, recycling, the test reset, and an
// older data directory upgraded with its groups already in it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recycleIdleGroups } from "../src/services/recycler";
import { openStore } from "../src/store/store";
import { type TestServer, createGroup, importAccounts, startServer } from "./helpers";

const TYPES = ["Private", "Public", "ChatRoom", "AVChatRoom", "Community"];

describe("TotalCount from the kept live-group counts", () => {
  let server: TestServer;
  const counted = (type?: string) =>
    server.store.db
      .prepare(`SELECT COUNT(*) FROM groups WHERE dismissed_at IS NULL ${type ? "AND type = ?" : ""}`)
      .pluck()
      .get(...(type ? [type] : [])) as number;
  const totals = async () => {
    const all = (await server.rest("group_open_http_svc/get_appid_group_list", { Limit: 1 })).TotalCount;
    const byType: Record<string, unknown> = {};
    for (const type of TYPES)
      byType[type] = (await server.rest("group_open_http_svc/get_appid_group_list", { Limit: 1, GroupType: type })).TotalCount;
    return { all, byType };
  };
  const expectTotalsToMatchRows = async () => {
    const { all, byType } = await totals();
    expect(all).toBe(counted());
    expect(byType).toEqual(Object.fromEntries(TYPES.map((type) => [type, counted(type)])));
  };

  beforeAll(async () => {
    server = await startServer({ testMode: true });
    await importAccounts(server, "u_owner");
  });
  afterAll(() => server.close());

  it("counts created groups and stops counting dismissed ones, per type and in all", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await createGroup(server, { Type: TYPES[i % 5], Name: `G ${i}`, Owner_Account: "u_owner" }));
    expect((await totals()).all).toBe(12);
    await expectTotalsToMatchRows();
    for (const groupId of [ids[0], ids[3], ids[4]]) await server.rest("group_open_http_svc/destroy_group", { GroupId: groupId });
    expect((await totals()).all).toBe(9);
    await expectTotalsToMatchRows();
  });

  it("counts a custom ID once when a dismissed group's ID is taken again", async () => {
    const body = { Type: "Public", Name: "Again", Owner_Account: "u_owner", GroupId: "custom-again" };
    await createGroup(server, body);
    await server.rest("group_open_http_svc/destroy_group", { GroupId: "custom-again" });
    await createGroup(server, body); // purges the dismissed row, then inserts a live one
    await expectTotalsToMatchRows();
  });

  it("stops counting recycled groups", async () => {
    const before = (await totals()).all as number;
    const recycled = recycleIdleGroups(server.app.im, -1); // everything counts as idle
    expect(recycled.length).toBe(before);
    expect((await totals()).all).toBe(0);
    await expectTotalsToMatchRows();
  });

  it("starts again from zero after the test reset", async () => {
    await createGroup(server, { Type: "ChatRoom", Name: "Before reset", Owner_Account: "u_owner" });
    expect((await fetch(`${server.url}/test/reset`, { method: "POST" })).ok).toBe(true);
    await importAccounts(server, "u_owner");
    await createGroup(server, { Type: "ChatRoom", Name: "After reset", Owner_Account: "u_owner" });
    expect((await totals()).all).toBe(1);
    await expectTotalsToMatchRows();
  });
});

describe("upgrading a data directory that already holds groups", () => {
  it("fills the kept counts from the groups there", () => {
    const dir = mkdtempSync(join(tmpdir(), "im-counts-"));
    const store = openStore(dir);
    store.db.exec("INSERT INTO accounts (user_id, created_at) VALUES ('u', 0)");
    const insert = store.db.prepare(`INSERT INTO groups (group_id, type, name, owner, max_members, apply_join_option,
      invite_join_option, created_at, last_info_time, last_active_at, dismissed_at) VALUES (?, ?, 'g', 'u', 10, 'FreeAccess', 'FreeAccess', 0, 0, 0, ?)`);
    ["Public", "Public", "Private", "Community"].forEach((type, i) => insert.run(`g${i}`, type, null));
    insert.run("gone", "Public", 5);
    // As a data directory written before migration 4: no kept counts yet.
    store.db.exec(`DROP TRIGGER live_group_counts_insert; DROP TRIGGER live_group_counts_delete;
      DROP TRIGGER live_group_counts_update; DROP TABLE live_group_counts; PRAGMA user_version = 3`);
    store.close();
    const upgraded = openStore(dir);
    expect(upgraded.groups.count()).toBe(4);
    expect(upgraded.groups.count("Public")).toBe(2);
    expect(upgraded.groups.count("AVChatRoom")).toBe(0);
    upgraded.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
