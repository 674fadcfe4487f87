import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userIdProblem } from "../src/domain/accounts";
import { GROUP_TYPES } from "../src/domain/group-types";
import { seedDemo } from "../src/seed/seed";
import { openStore } from "../src/store/store";
import { type TestServer, startServer } from "./helpers";

function snapshot(dir: string, now: number) {
  const store = openStore(dir);
  try {
    seedDemo(store, now);
    const rows = (sql: string) => store.db.prepare(sql).all();
    return {
      accounts: rows("SELECT * FROM accounts ORDER BY user_id"),
      groups: rows("SELECT * FROM groups ORDER BY seq"),
      members: rows("SELECT * FROM members ORDER BY group_id, user_id"),
      applications: rows("SELECT * FROM applications ORDER BY id"),
    };
  } finally {
    store.close();
  }
}

describe("demo seed", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ demo: true, testMode: true });
  });
  afterAll(() => server.close());

  it("is deterministic", () => {
    const dirs = [mkdtempSync(join(tmpdir(), "im-seed-a-")), mkdtempSync(join(tmpdir(), "im-seed-b-"))];
    try {
      const now = 1_750_000_000;
      expect(snapshot(dirs[0], now)).toEqual(snapshot(dirs[1], now));
    } finally {
      dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    }
  });

  it("has realistic accounts in three scripts with valid IDs", () => {
    const accounts = server.store.db.prepare("SELECT user_id, nick FROM accounts").all() as { user_id: string; nick: string }[];
    expect(accounts.length).toBeGreaterThanOrEqual(280);
    for (const account of accounts) expect(userIdProblem(account.user_id), account.user_id).toBeNull();
    for (const account of accounts) expect(account.user_id).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    const nicks = accounts.map((a) => a.nick);
    expect(nicks.some((n) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(n))).toBe(true);
    expect(nicks.some((n) => /[\u3040-\u30ff]|[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(n))).toBe(true);
    expect(nicks.some((n) => /^[\u4e00-\u9fff]{2,3}$/.test(n))).toBe(true);
  });

  it("has about 40 groups of every type, with custom IDs, admins and a full group", async () => {
    const list = await server.rest("group_open_http_svc/get_appid_group_list", {});
    expect(list.TotalCount).toBeGreaterThanOrEqual(35);
    for (const type of GROUP_TYPES) {
      expect((await server.rest("group_open_http_svc/get_appid_group_list", { GroupType: type })).TotalCount, type).toBeGreaterThan(2);
    }
    const info = await server.rest("group_open_http_svc/get_group_info", { GroupIdList: ["tokyo-react", "@TGS#_demo-community"] });
    expect(info.GroupInfo).toMatchObject([
      { ErrorCode: 0, Name: "東京 React 勉強会", Type: "Public" },
      { ErrorCode: 0, Type: "Community" },
    ]);
    const full = server.store.db
      .prepare("SELECT COUNT(*) AS n FROM groups g WHERE max_members = (SELECT COUNT(*) FROM members m WHERE m.group_id = g.group_id)")
      .get() as { n: number };
    expect(full.n).toBeGreaterThanOrEqual(1);
    const admins = server.store.db.prepare("SELECT COUNT(*) AS n FROM members WHERE role = 'Admin'").get() as { n: number };
    expect(admins.n).toBeGreaterThan(10);
    const sizes = server.store.db
      .prepare("SELECT MIN(c) AS lo, MAX(c) AS hi FROM (SELECT COUNT(*) AS c FROM members GROUP BY group_id)")
      .get() as {
      lo: number;
      hi: number;
    };
    expect(sizes.lo).toBeLessThan(10);
    expect(sizes.hi).toBeGreaterThanOrEqual(100);
  });

  it("has at least 15 pending applications across at least 4 Public NeedPermission groups, plus handled ones", () => {
    const pending = server.store.db
      .prepare(
        `SELECT COUNT(*) AS n, COUNT(DISTINCT a.group_id) AS groups FROM applications a JOIN groups g ON g.group_id = a.group_id
         WHERE a.status = 'pending' AND g.type = 'Public' AND g.apply_join_option = 'NeedPermission'`,
      )
      .get() as { n: number; groups: number };
    expect(pending.n).toBeGreaterThanOrEqual(15);
    expect(pending.groups).toBeGreaterThanOrEqual(4);
    const handled = server.store.db
      .prepare("SELECT status, COUNT(*) AS n FROM applications WHERE status <> 'pending' GROUP BY status")
      .all();
    expect(handled).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: "approved" }), expect.objectContaining({ status: "refused" })]),
    );
    // Pending applicants are never already members.
    const overlap = server.store.db
      .prepare(
        "SELECT COUNT(*) AS n FROM applications a JOIN members m ON m.group_id = a.group_id AND m.user_id = a.requester WHERE a.status = 'pending'",
      )
      .get() as { n: number };
    expect(overlap.n).toBe(0);
  });

  it("has applicants waiting in one group who were refused by two or more others, so the queue has history to show", () => {
    const repeat = server.store.db
      .prepare(
        `SELECT p.requester, COUNT(DISTINCT r.group_id) AS refusals FROM applications p
         JOIN applications r ON r.requester = p.requester AND r.status = 'refused' AND r.group_id <> p.group_id
         WHERE p.status = 'pending' GROUP BY p.requester HAVING COUNT(DISTINCT r.group_id) >= 2`,
      )
      .all();
    expect(repeat.length).toBeGreaterThanOrEqual(3);
  });

  it("resets to the same seed through POST /test/reset", async () => {
    const before = await server.rest("group_open_http_svc/get_appid_group_list", {});
    await server.rest("group_open_http_svc/destroy_group", { GroupId: "tokyo-react" });
    await server.rest("im_open_login_svc/account_import", { UserID: "u_extra" });
    const reset = await fetch(`${server.url}/test/reset`, { method: "POST" });
    expect(await reset.json()).toEqual({ ok: true, seeded: true });
    const after = await server.rest("group_open_http_svc/get_appid_group_list", {});
    expect(after.TotalCount).toBe(before.TotalCount);
    const check = await server.rest("im_open_login_svc/account_check", { CheckItem: [{ UserID: "u_extra" }] });
    expect((check.ResultItem as { AccountStatus: string }[])[0].AccountStatus).toBe("NotImported");
  });
});
