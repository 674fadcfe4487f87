// Bans over HTTP: a ban removes the member as a kick and keeps them out (join, application, add) until it
// runs out; the list pages; an edition without bans answers 10003. Also: strict-mode rate limits of the
// new commands, and messages and bans surviving a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CallbackReceiver,
  type TestServer,
  createGroup,
  importAccounts,
  recordEvents,
  startReceiver,
  startServer,
  waitFor,
} from "./helpers";

type Ban = { Member_Account: string; BannedUntil: number };

describe("bans", () => {
  let server: TestServer;
  let receiver: CallbackReceiver;
  let clock = 1_800_000_000;
  const g = (command: string, body: Record<string, unknown>) => server.rest(`group_open_http_svc/${command}`, body);
  const banned = async (groupId: string, more: Record<string, unknown> = {}) =>
    ((await g("get_group_ban_member", { GroupId: groupId, Offset: 0, ...more })).BannedAccountList as Ban[]).map((b) => b.Member_Account);
  const users = ["owner", "aiko", "bo", "chen", "dai", ...Array.from({ length: 21 }, (_, i) => `u${i}`)];

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startServer({ callbackUrl: receiver.url }, undefined, { now: () => clock });
    await importAccounts(server, ...users);
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it("removes a banned member as a kick and keeps them out — join, application, add — until the ban runs out", async () => {
    const id = await createGroup(server, {
      Type: "Public",
      Name: "Free",
      Owner_Account: "owner",
      ApplyJoinOption: "FreeAccess",
      MemberList: [{ Member_Account: "aiko" }, { Member_Account: "bo" }],
    });
    const bo = await server.client("bo");
    const events = recordEvents(bo);
    expect(
      await g("ban_group_member", { GroupId: id, Members_Account: ["aiko"], Duration: 3600, Description: "spam links" }),
    ).toMatchObject({
      ErrorCode: 0,
    });
    expect(server.store.members.role(id, "aiko")).toBeNull();
    const kicked = await waitFor(() => events.find((e) => e.name === "onMemberKicked"));
    expect(kicked.payload).toMatchObject({ groupID: id, memberList: [{ userID: "aiko" }] });
    const exit = await waitFor(() => receiver.calls.find((c) => c.query.CallbackCommand === "Group.CallbackAfterMemberExit"));
    expect(exit.body).toMatchObject({
      GroupId: id,
      ExitType: "Kicked",
      Operator_Account: "administrator",
      ExitMemberList: [{ Member_Account: "aiko" }],
    });
    expect(await g("get_group_ban_member", { GroupId: id, Offset: 0 })).toMatchObject({
      BannedAccountList: [{ Member_Account: "aiko", BannedUntil: clock + 3600 }],
      NextOffset: 0,
    });

    const aiko = await server.client("aiko");
    await expect(aiko.joinGroup(id)).rejects.toMatchObject({ code: 10007 });
    expect(
      (await g("add_group_member", { GroupId: id, MemberList: [{ Member_Account: "aiko" }, { Member_Account: "chen" }] })).MemberList,
    ).toEqual([
      { Member_Account: "aiko", Result: 0 },
      { Member_Account: "chen", Result: 1 },
    ]);
    expect(server.store.members.role(id, "aiko")).toBeNull();

    clock += 3600;
    expect(await banned(id)).toEqual([]);
    await expect(aiko.joinGroup(id)).resolves.toMatchObject({ status: "joined" });
  });

  it("refuses a banned user's application and settles their pending one as refused by the admin", async () => {
    const id = await createGroup(server, { Type: "Public", Name: "Gate", Owner_Account: "owner", ApplyJoinOption: "NeedPermission" });
    const dai = await server.client("dai");
    const events = recordEvents(dai);
    const { applicationID } = await dai.joinGroup(id, "hi");
    await g("ban_group_member", { GroupId: id, Members_Account: ["dai"], Duration: 60 });
    expect(server.store.applications.get(Number(applicationID))).toMatchObject({ status: "refused", handledBy: "administrator" });
    const processed = await waitFor(() => events.find((e) => e.name === "onApplicationProcessed"));
    expect(processed.payload).toMatchObject({ groupID: id, isAgreeJoin: false });
    await expect(dai.joinGroup(id, "again")).rejects.toMatchObject({ code: 10007 });
    expect(server.store.applications.pendingFor(id, "dai")).toBeNull();
  });

  it("lifts bans with unban_group_member; lifting one that is not there is fine", async () => {
    const id = await createGroup(server, { Type: "ChatRoom", Name: "Room", Owner_Account: "owner" });
    await g("ban_group_member", { GroupId: id, Members_Account: ["aiko", "bo"], Duration: 4294967295 });
    expect(((await g("get_group_ban_member", { GroupId: id, Offset: 0 })).BannedAccountList as Ban[])[0].BannedUntil).toBe(4294967295);
    expect((await g("unban_group_member", { GroupId: id, Members_Account: ["aiko", "chen"] })).ErrorCode).toBe(0);
    expect(await banned(id)).toEqual(["bo"]);
    const aiko = await server.client("aiko");
    await expect(aiko.joinGroup(id)).resolves.toMatchObject({ status: "joined" });
  });

  it("pages the ban list with Offset, Limit and NextOffset (0 when complete)", async () => {
    const id = await createGroup(server, { Type: "Private", Name: "Work", Owner_Account: "owner" });
    for (let i = 0; i < 25; i += 5)
      await g("ban_group_member", { GroupId: id, Members_Account: users.slice(5 + i, 10 + i), Duration: 100 });
    const first = await g("get_group_ban_member", { GroupId: id, Offset: 0, Limit: 10 });
    expect(first).toMatchObject({ NextOffset: 10 });
    const third = await g("get_group_ban_member", { GroupId: id, Offset: 20, Limit: 10 });
    expect(third).toMatchObject({ NextOffset: 0 });
    expect((third.BannedAccountList as Ban[]).length).toBe(1);
    expect((await banned(id)).length).toBe(21);
  });

  it.each([
    ["ban_group_member", { Members_Account: users.slice(5, 26), Duration: 60 }, 10005],
    ["ban_group_member", { Members_Account: ["bo"], Duration: 0 }, 10004],
    ["ban_group_member", { Members_Account: ["bo"] }, 10004],
    ["ban_group_member", { Members_Account: ["bo"], Duration: 4294967296 }, 10004],
    ["ban_group_member", { Members_Account: ["bo"], Duration: 60, Description: "x".repeat(1001) }, 10004],
    ["ban_group_member", { Members_Account: ["owner"], Duration: 60 }, 10004],
    ["ban_group_member", { Members_Account: ["ghost"], Duration: 60 }, 10019],
    ["ban_group_member", { Members_Account: [], Duration: 60 }, 10004],
    ["unban_group_member", { Members_Account: users.slice(5, 26) }, 10005],
    ["get_group_ban_member", {}, 10004],
    ["get_group_ban_member", { Offset: 0, Limit: 101 }, 10004],
    ["get_group_ban_member", { Offset: -1 }, 10004],
  ])("%s refuses %j with %i and bans nobody", async (command, body, code) => {
    const id = await createGroup(server, {
      Type: "Public",
      Name: "Strict",
      Owner_Account: "owner",
      MemberList: [{ Member_Account: "bo" }],
    });
    expect((await g(command, { GroupId: id, ...body })).ErrorCode).toBe(code);
    expect(await banned(id)).toEqual([]);
    expect(server.store.members.role(id, "bo")).toBe("Member");
  });

  it("answers 10010 for a group that does not exist", async () => {
    expect((await g("ban_group_member", { GroupId: "nope", Members_Account: ["bo"], Duration: 60 })).ErrorCode).toBe(10010);
    expect((await g("get_group_ban_member", { GroupId: "nope", Offset: 0 })).ErrorCode).toBe(10010);
  });
});

describe("an edition without bans (IM_BAN_ENABLED=0)", () => {
  it("answers the three ban commands with 10003", async () => {
    const server = await startServer({ banEnabled: false });
    try {
      await importAccounts(server, "owner", "bo");
      const id = await createGroup(server, { Type: "Public", Name: "G", Owner_Account: "owner", MemberList: [{ Member_Account: "bo" }] });
      for (const [command, body] of [
        ["ban_group_member", { Members_Account: ["bo"], Duration: 60 }],
        ["unban_group_member", { Members_Account: ["bo"] }],
        ["get_group_ban_member", { Offset: 0 }],
      ] as const) {
        expect((await server.rest(`group_open_http_svc/${command}`, { GroupId: id, ...body })).ErrorCode).toBe(10003);
      }
      expect(server.store.members.role(id, "bo")).toBe("Member");
    } finally {
      await server.close();
    }
  });
});

describe("strict mode and restarts", () => {
  it("limits a new command to 200 calls a second (60007 past it)", async () => {
    const clock = 5_000_000;
    const server = await startServer({ strictTencent: true }, undefined, { nowMs: () => clock });
    try {
      const calls = await Promise.all(
        Array.from({ length: 201 }, () => server.rest("group_open_http_svc/group_msg_get_simple", { GroupId: "nope", ReqMsgNumber: 1 })),
      );
      expect(calls.filter((c) => c.ErrorCode === 10010).length).toBe(200);
      expect(calls.filter((c) => c.ErrorCode === 60007).length).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("keeps messages, their sequence, recalls and bans across a restart", async () => {
    let server = await startServer();
    await importAccounts(server, "owner", "aiko", "bo");
    const id = await createGroup(server, {
      Type: "Public",
      Name: "Kept",
      Owner_Account: "owner",
      MemberList: [{ Member_Account: "aiko" }],
    });
    const send = (text: string) =>
      server.rest("group_open_http_svc/send_group_msg", {
        GroupId: id,
        Random: 1,
        From_Account: "owner",
        MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }],
      });
    await send("one");
    await send("two");
    await server.rest("group_open_http_svc/group_msg_recall", { GroupId: id, MsgSeqList: [{ MsgSeq: 1 }] });
    await server.rest("group_open_http_svc/ban_group_member", { GroupId: id, Members_Account: ["bo"], Duration: 3600 });
    server = await server.restart();
    try {
      expect((await send("three")).MsgSeq).toBe(3);
      const read = await server.rest("group_open_http_svc/group_msg_get_simple", { GroupId: id, ReqMsgNumber: 5, WithRecalledMsg: 1 });
      expect((read.RspMsgList as { MsgSeq: number; IsPlaceMsg: number }[]).map((m) => [m.MsgSeq, m.IsPlaceMsg])).toEqual([
        [3, 0],
        [2, 0],
        [1, 2],
      ]);
      const bans = await server.rest("group_open_http_svc/get_group_ban_member", { GroupId: id, Offset: 0 });
      expect(bans.BannedAccountList).toEqual([{ Member_Account: "bo", BannedUntil: expect.any(Number) }]);
    } finally {
      await server.close();
    }
  });
});
