import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "../src/http/rate-limit";
import { recycleIdleGroups } from "../src/services/recycler";
import { burstChance, BURST_SIZE, simulateBurst, simulateOnce } from "../src/services/simulator";
import { createGroup, importAccounts, recordEvents, startReceiver, startServer, waitFor } from "./helpers";

describe("strict Tencent mode", () => {
  it("answers the extensions with 10003 like unknown commands", async () => {
    const server = await startServer({ strictTencent: true });
    try {
      for (const command of ["get_group_application_list", "handle_group_application"]) {
        expect(await server.rest(`group_open_http_svc/${command}`, {})).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 10003 });
      }
    } finally {
      await server.close();
    }
  });

  it("limits get_appid_group_list to 1/s, account_check to 100/s and other commands to 200/s (60007)", async () => {
    let clock = 1_000_000;
    const server = await startServer({ strictTencent: true }, undefined, { nowMs: () => clock });
    try {
      expect((await server.rest("group_open_http_svc/get_appid_group_list", {})).ErrorCode).toBe(0);
      expect(await server.rest("group_open_http_svc/get_appid_group_list", {})).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 60007 });
      const burst = await Promise.all(
        Array.from({ length: 210 }, () => server.rest("profile/portrait_get", { To_Account: ["x"], TagList: ["Tag_Profile_IM_Nick"] })),
      );
      expect(burst.filter((r) => r.ErrorCode === 0)).toHaveLength(200);
      expect(burst.filter((r) => r.ErrorCode === 60007)).toHaveLength(10);
      const checks = await Promise.all(
        Array.from({ length: 110 }, () => server.rest("im_open_login_svc/account_check", { CheckItem: [{ UserID: "x" }] })),
      );
      expect(checks.filter((r) => r.ErrorCode === 0)).toHaveLength(100);
      expect(checks.filter((r) => r.ErrorCode === 60007)).toHaveLength(10);
      // Limits are per command: another command still has its own window.
      expect((await server.rest("group_open_http_svc/get_group_info", { GroupIdList: ["x"] })).ErrorCode).toBe(0);
      clock += 999;
      expect((await server.rest("group_open_http_svc/get_appid_group_list", {})).ErrorCode).toBe(60007);
      clock += 1;
      expect((await server.rest("group_open_http_svc/get_appid_group_list", {})).ErrorCode).toBe(0);
    } finally {
      await server.close();
    }
  });

  it("never lets a sliding one-second window hold more than the limit", () => {
    const limiter = new SlidingWindowLimiter();
    const accepted: number[] = [];
    for (let t = 0; t < 5000; t += 37) if (limiter.take("k", 3, t)) accepted.push(t);
    for (const t of accepted) expect(accepted.filter((u) => u > t - 1000 && u <= t).length).toBeLessThanOrEqual(3);
    expect(accepted.length).toBeGreaterThan(10);
  });

  it("is off by default: the extensions answer", async () => {
    const server = await startServer();
    try {
      expect(await server.rest("group_open_http_svc/get_group_application_list", {})).toMatchObject({ ErrorCode: 0, TotalCount: 0 });
    } finally {
      await server.close();
    }
  });
});

describe("recycling", () => {
  it("reclaims idle groups: members hear onGroupRecycled, the app gets AfterGroupDestroyed", async () => {
    const receiver = await startReceiver();
    const server = await startServer({ callbackUrl: receiver.url, recycleAfterSeconds: 1 });
    try {
      await importAccounts(server, "u_owner", "u_a");
      const idle = await createGroup(server, {
        Type: "ChatRoom",
        Name: "Idle",
        Owner_Account: "u_owner",
        MemberList: [{ Member_Account: "u_a" }],
      });
      const client = await server.client("u_a");
      const events = recordEvents(client);
      await waitFor(() => events.find((e) => e.name === "onGroupRecycled"), 5000);
      expect(events.find((e) => e.name === "onGroupRecycled")!.payload).toMatchObject({ groupID: idle, opUser: { userID: "@TIM#SYSTEM" } });
      const info = await server.rest("group_open_http_svc/get_group_info", { GroupIdList: [idle] });
      expect((info.GroupInfo as { ErrorCode: number }[])[0].ErrorCode).toBe(10010);
      await waitFor(() => receiver.commands().includes("Group.CallbackAfterGroupDestroyed"));
      expect(receiver.calls.find((c) => c.query.CallbackCommand === "Group.CallbackAfterGroupDestroyed")!.body).toMatchObject({
        GroupId: idle,
        Operator_Account: "@TIM#SYSTEM",
      });
    } finally {
      await server.close();
      await receiver.close();
    }
  });

  it("leaves active groups alone", async () => {
    const server = await startServer();
    try {
      await importAccounts(server, "u_owner");
      const groupId = await createGroup(server, { Type: "Public", Name: "Busy", Owner_Account: "u_owner" });
      expect(recycleIdleGroups(server.app.im, 3600)).toEqual([]);
      expect(recycleIdleGroups(server.app.im, 0)).toEqual([]); // touched this very second
      server.store.groups.touch(groupId, Math.floor(Date.now() / 1000) - 10);
      expect(recycleIdleGroups(server.app.im, 5)).toEqual([groupId]);
    } finally {
      await server.close();
    }
  });
});

describe("demo simulator", () => {
  it("acts through the client services, so events and webhooks fire", async () => {
    const receiver = await startReceiver();
    const server = await startServer({ demo: true, callbackUrl: receiver.url });
    try {
      const outcomes: string[] = [];
      let seed = 7;
      const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      for (let i = 0; i < 40; i++) {
        const what = await simulateOnce(server.app.im, random);
        if (what) outcomes.push(what);
      }
      expect(outcomes.some((o) => o.includes(" applied to "))).toBe(true);
      expect(outcomes.some((o) => o.includes(" joined "))).toBe(true);
      await waitFor(() => receiver.commands().includes("Group.CallbackAfterNewMemberJoin"));
      const platforms = new Set(receiver.calls.map((c) => c.query.OptPlatform));
      expect([...platforms].some((p) => p === "Android" || p === "iOS" || p === "Web")).toBe(true);
      expect(receiver.commands()).toContain("Group.CallbackBeforeApplyJoinGroup");
      const events = server.store.db.prepare("SELECT COUNT(*) AS n FROM events").get() as { n: number };
      expect(events.n).toBeGreaterThan(0);
    } finally {
      await server.close();
      await receiver.close();
    }
  });

  it("now and then sends a burst: new accounts apply to one group within a few seconds", async () => {
    const receiver = await startReceiver();
    const server = await startServer({ demo: true, callbackUrl: receiver.url });
    try {
      let seed = 11;
      const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      const waits: number[] = [];
      const what = await simulateBurst(server.app.im, random, async (ms) => waits.push(ms));
      const [, applied, groupId] = /^(\d+) new accounts applied to (.+) in a burst$/.exec(what ?? "")!;
      const n = Number(applied);
      expect(n).toBeGreaterThanOrEqual(BURST_SIZE.min);
      expect(n).toBeLessThanOrEqual(BURST_SIZE.max);
      const raiders = server.store.applications
        .list({ groupId, status: "pending", limit: 500 })
        .filter((a) => a.requester.startsWith("raid_"));
      expect(raiders).toHaveLength(n);
      expect(waits.reduce((a, b) => a + b, 0)).toBeCloseTo(4_000);
      // The console hears of each, as of any application.
      const applies = () =>
        receiver.calls.filter((c) => c.query.CallbackCommand === "Group.CallbackAfterApplyJoinGroup" && c.body.GroupId === groupId);
      await waitFor(() => applies().length >= n, 5000);
    } finally {
      await server.close();
      await receiver.close();
    }
  });

  it("bursts about once every five minutes whatever the rate, and never while the simulator is off", () => {
    for (const rate of [1, 6, 600]) expect(rate * 5 * burstChance(rate)).toBeCloseTo(1);
    expect(burstChance(0)).toBe(0);
  });

  it("runs on a timer at IM_SIMULATOR_RATE", async () => {
    const server = await startServer({ demo: true, simulatorRate: 600 }); // one action per 100 ms
    try {
      const before = server.store.db.prepare("SELECT COUNT(*) AS n FROM events").get() as { n: number };
      await waitFor(() => (server.store.db.prepare("SELECT COUNT(*) AS n FROM events").get() as { n: number }).n > before.n, 5000);
    } finally {
      await server.close();
    }
  });
});
