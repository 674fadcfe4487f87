import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadOrCreateSecrets } from "../src/secrets-file";
import { openStore } from "../src/store/store";
import { createGroup, importAccounts, startServer } from "./helpers";

describe("persistence", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("keeps accounts, groups and members across a restart on the same data directory", async () => {
    let server = await startServer();
    await importAccounts(server, "u_owner", "u_a");
    const groupId = await createGroup(server, {
      Type: "Public",
      Name: "Survivor",
      Owner_Account: "u_owner",
      MemberList: [{ Member_Account: "u_a" }],
    });
    const firstPage = await server.rest("group_open_http_svc/get_appid_group_list", {});
    server = await server.restart();
    try {
      const info = await server.rest("group_open_http_svc/get_group_info", { GroupIdList: [groupId] });
      expect((info.GroupInfo as Record<string, unknown>[])[0]).toMatchObject({ Name: "Survivor", MemberNum: 2, Owner_Account: "u_owner" });
      expect(await server.rest("group_open_http_svc/get_appid_group_list", {})).toEqual(firstPage);
      // New groups keep increasing the sequence, never reusing a cursor position.
      const next = await createGroup(server, { Type: "ChatRoom", Name: "After restart" });
      const list = await server.rest("group_open_http_svc/get_appid_group_list", {});
      expect((list.GroupIdList as { GroupId: string }[]).map((g) => g.GroupId)).toEqual([groupId, next]);
    } finally {
      await server.close();
    }
  });

  it("stays consistent when the process is killed with SIGKILL in the middle of writes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "im-kill-"));
    dirs.push(dir);
    // A child process writes groups with members in a tight loop until it is killed.
    const script = `
      import { openStore } from ${JSON.stringify(new URL("../src/store/store.ts", import.meta.url).pathname)};
      const store = openStore(${JSON.stringify(dir)});
      store.tx(() => { for (let i = 0; i < 50; i++) store.accounts.upsert("u" + i, undefined, undefined, 1); });
      const draft = { type: "Public", name: "g", introduction: "", notification: "", faceUrl: "", owner: "u0", maxMembers: 6000,
        applyJoinOption: "NeedPermission", inviteJoinOption: "DisableInvite", muteAll: false, supportTopic: false, appDefinedData: [], members: [] };
      console.log("ready");
      for (let n = 0; ; n++) store.tx(() => {
        store.groups.insert("g" + n, draft, 1);
        for (let i = 0; i < 50; i++) store.members.add("g" + n, "u" + i, i === 0 ? "Owner" : "Member", 1);
      });
    `;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    const store = openStore(dir);
    try {
      expect(store.db.pragma("integrity_check", { simple: true })).toBe("ok");
      const groups = store.groups.count();
      expect(groups).toBeGreaterThan(0);
      const partial = store.db
        .prepare("SELECT COUNT(*) AS n FROM (SELECT group_id FROM members GROUP BY group_id HAVING COUNT(*) <> 50)")
        .get() as { n: number };
      expect(partial.n).toBe(0);
      expect((store.db.prepare("SELECT COUNT(DISTINCT group_id) AS n FROM members").get() as { n: number }).n).toBe(groups);
    } finally {
      store.close();
    }
  });

  it("creates the secrets file once, with mode 0600, and reuses it", () => {
    const dir = mkdtempSync(join(tmpdir(), "im-secrets-"));
    dirs.push(dir);
    const first = loadOrCreateSecrets(dir);
    expect(first.IM_SECRET_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(first.NEXTAUTH_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(first.IM_CALLBACK_TOKEN).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecrets(dir)).toEqual(first);
    expect(JSON.parse(readFileSync(join(dir, "secrets.json"), "utf8"))).toEqual(first);
  });
});
