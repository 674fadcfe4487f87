import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ImClientError } from "../client";
import { callbackSign } from "../src/webhooks/sign";
import { type CallbackReceiver, type TestServer, createGroup, importAccounts, startReceiver, startServer, waitFor } from "./helpers";

const TOKEN = "xxxxyyyy";
const allow = () => ({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" });

describe("webhooks", () => {
  let server: TestServer;
  let receiver: CallbackReceiver;
  const g = (command: string, body: Record<string, unknown>) => server.rest(`group_open_http_svc/${command}`, body);
  const callsOf = (command: string) => receiver.calls.filter((c) => c.query.CallbackCommand === command);

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startServer({ callbackUrl: receiver.url, callbackToken: TOKEN });
    await importAccounts(server, "u_owner", "u_a", "u_b", "u_c");
  });
  afterEach(() => {
    receiver.reply = allow;
    receiver.calls.length = 0;
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it("matches the reference's Sign test vector", () => {
    expect(callbackSign("xxxxyyyy", 1669872112)).toBe("17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061");
  });

  it("sends Before/After create callbacks in Tencent's format, signed", async () => {
    const groupId = await createGroup(server, {
      Type: "Public",
      Name: "Hooked",
      Owner_Account: "u_owner",
      MemberList: [{ Member_Account: "u_a" }],
    });
    await waitFor(() => callsOf("Group.CallbackAfterCreateGroup").length);
    expect(receiver.commands()).toEqual(["Group.CallbackBeforeCreateGroup", "Group.CallbackAfterCreateGroup"]);
    for (const call of receiver.calls) {
      expect(call.query).toMatchObject({ SdkAppid: "1400000000", contenttype: "json", ClientIP: "127.0.0.1", OptPlatform: "RESTAPI" });
      expect(call.query.Sign).toBe(callbackSign(TOKEN, call.query.RequestTime));
      expect(Math.abs(Number(call.query.RequestTime) - Date.now() / 1000)).toBeLessThan(10);
      expect(typeof call.body.EventTime).toBe("number");
      expect(call.body.CallbackCommand).toBe(call.query.CallbackCommand);
    }
    expect(callsOf("Group.CallbackAfterCreateGroup")[0].body).toMatchObject({
      GroupId: groupId,
      Operator_Account: "administrator",
      Owner_Account: "u_owner",
      Type: "Public",
      Name: "Hooked",
      MemberList: [{ Member_Account: "u_owner" }, { Member_Account: "u_a" }],
    });
  });

  const refusals: [string, Record<string, unknown>, number, string][] = [
    ["ErrorCode 1", { ActionStatus: "FAIL", ErrorCode: 1, ErrorInfo: "no" }, 10016, "no"],
    ["a code in 10100–10200", { ActionStatus: "FAIL", ErrorCode: 10123, ErrorInfo: "banned word in name" }, 10123, "banned word in name"],
  ];
  it.each(refusals)("honours a BeforeCreateGroup refusal with %s", async (_name, reply, code, info) => {
    receiver.reply = () => reply;
    const before = (await g("get_appid_group_list", {})).TotalCount;
    expect(await g("create_group", { Type: "Public", Name: "Refused" })).toMatchObject({ ErrorCode: code, ErrorInfo: info });
    expect((await g("get_appid_group_list", {})).TotalCount).toBe(before);
  });

  it("refuses a client's join with 10016 when BeforeApplyJoinGroup says 1", async () => {
    const groupId = await createGroup(server, { Type: "ChatRoom", Name: "Guarded", Owner_Account: "u_owner" });
    receiver.reply = (call) =>
      call.query.CallbackCommand === "Group.CallbackBeforeApplyJoinGroup" ? { ErrorCode: 1, ErrorInfo: "" } : allow();
    const client = await server.client("u_b");
    const error = await client.joinGroup(groupId, "let me in").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImClientError);
    expect((error as ImClientError).code).toBe(10016);
    expect(callsOf("Group.CallbackBeforeApplyJoinGroup")[0]).toMatchObject({
      query: { OptPlatform: "Web" },
      body: { GroupId: groupId, Type: "ChatRoom", Requestor_Account: "u_b", ApplyMsg: "let me in" },
    });
    expect(server.store.members.role(groupId, "u_b")).toBeNull();
  });

  it("lets the action proceed when a Before callback times out or fails", async () => {
    receiver.reply = () => "hang";
    const started = Date.now();
    const res = await g("create_group", { Type: "Public", Name: "Slow app" });
    expect(res).toMatchObject({ ErrorCode: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("refuses single members through RefusedMembers_Account", async () => {
    const groupId = await createGroup(server, { Type: "Public", Name: "Picky", Owner_Account: "u_owner" });
    receiver.reply = (call) =>
      call.query.CallbackCommand === "Group.CallbackBeforeInviteJoinGroup" ? { ErrorCode: 0, RefusedMembers_Account: ["u_b"] } : allow();
    const res = await g("add_group_member", { GroupId: groupId, MemberList: [{ Member_Account: "u_a" }, { Member_Account: "u_b" }] });
    expect(res.MemberList).toEqual([
      { Member_Account: "u_a", Result: 1 },
      { Member_Account: "u_b", Result: 0 },
    ]);
    await waitFor(() => callsOf("Group.CallbackAfterNewMemberJoin").length);
    expect(callsOf("Group.CallbackBeforeInviteJoinGroup")[0].body).toMatchObject({
      GroupId: groupId,
      Type: "Public",
      Operator_Account: "administrator",
      DestinationMembers: [{ Member_Account: "u_a" }, { Member_Account: "u_b" }],
    });
    expect(callsOf("Group.CallbackAfterNewMemberJoin")[0].body).toMatchObject({
      GroupId: groupId,
      JoinType: "Invited",
      Operator_Account: "administrator",
      NewMemberList: [{ Member_Account: "u_a" }],
    });
  });

  it("reports an approval as AfterNewMemberJoin with JoinType Apply, exits, info changes, owner changes and dismissal", async () => {
    const groupId = await createGroup(server, { Type: "Public", Name: "Lifecycle", Owner_Account: "u_owner" });
    const client = await server.client("u_c");
    const { applicationID } = await client.joinGroup(groupId, "hi");
    await g("handle_group_application", { ApplicationId: applicationID, Decision: "Agree", Operator_Account: "ops@example.com" });
    await g("modify_group_base_info", { GroupId: groupId, Name: "Renamed", ApplyJoinOption: "FreeAccess" });
    await g("change_group_owner", { GroupId: groupId, NewOwner_Account: "u_c" });
    await g("add_group_member", { GroupId: groupId, MemberList: [{ Member_Account: "u_a" }] });
    await g("delete_group_member", { GroupId: groupId, MemberToDel_Account: ["u_a"] });
    await g("destroy_group", { GroupId: groupId });
    await waitFor(() => callsOf("Group.CallbackAfterGroupDestroyed").length);

    expect(callsOf("Group.CallbackAfterApplyJoinGroup")[0].body).toMatchObject({
      GroupId: groupId,
      ApplicationId: applicationID,
      Requestor_Account: "u_c",
    });
    expect(callsOf("Group.CallbackAfterHandleJoinApplication")[0].body).toMatchObject({
      ApplicationId: applicationID,
      Decision: "Agree",
      Handler_Account: "ops@example.com",
    });
    expect(callsOf("Group.CallbackAfterNewMemberJoin")[0].body).toMatchObject({
      GroupId: groupId,
      Type: "Public",
      JoinType: "Apply",
      Operator_Account: "ops@example.com",
      NewMemberList: [{ Member_Account: "u_c" }],
    });
    expect(callsOf("Group.CallbackAfterGroupInfoChanged")[0].body).toMatchObject({
      GroupId: groupId,
      Name: "Renamed",
      ApplyJoinOption: "FreeAccess",
    });
    expect(callsOf("Group.CallbackAfterChangeGroupOwner")[0].body).toMatchObject({ OldOwner_Account: "u_owner", NewOwner_Account: "u_c" });
    expect(callsOf("Group.CallbackAfterMemberExit")[0].body).toMatchObject({
      ExitType: "Kicked",
      ExitMemberList: [{ Member_Account: "u_a" }],
    });
    expect(callsOf("Group.CallbackAfterGroupDestroyed")[0].body).toMatchObject({
      GroupId: groupId,
      Type: "Public",
      Owner_Account: "u_c",
      Name: "Renamed",
    });
    const members = callsOf("Group.CallbackAfterGroupDestroyed")[0].body.MemberList as { Member_Account: string }[];
    expect(members.map((m) => m.Member_Account).sort()).toEqual(["u_c", "u_owner"]);
  });

  it("never delays a response for an After callback", async () => {
    receiver.reply = (call) => (call.query.CallbackCommand.includes("Before") ? allow() : "hang");
    const groupId = await createGroup(server, { Type: "ChatRoom", Name: "Fast", Owner_Account: "u_owner" });
    const started = Date.now();
    for (let i = 0; i < 3; i++) await g("modify_group_base_info", { GroupId: groupId, Introduction: `v${i}` });
    expect(Date.now() - started).toBeLessThan(1900); // a blocking callback would take 2 s each
  });
});

describe("webhooks in strict mode", () => {
  it("leaves out the extension callbacks and fields", async () => {
    const receiver = await startReceiver();
    const server = await startServer({ callbackUrl: receiver.url, strictTencent: true });
    try {
      await importAccounts(server, "u_owner", "u_x");
      const groupId = await createGroup(server, { Type: "Public", Name: "Strict", Owner_Account: "u_owner" });
      const client = await server.client("u_x");
      await client.joinGroup(groupId, "hi");
      await server.rest("group_open_http_svc/modify_group_base_info", {
        GroupId: groupId,
        Name: "Strict 2",
        ApplyJoinOption: "FreeAccess",
      });
      await waitFor(() => receiver.commands().includes("Group.CallbackAfterGroupInfoChanged"));
      expect(receiver.commands()).not.toContain("Group.CallbackAfterApplyJoinGroup");
      const changed = receiver.calls.find((c) => c.query.CallbackCommand === "Group.CallbackAfterGroupInfoChanged")!;
      expect(changed.body).toMatchObject({ Name: "Strict 2" });
      expect(changed.body).not.toHaveProperty("ApplyJoinOption");
      expect(changed.query).not.toHaveProperty("Sign");
    } finally {
      await server.close();
      await receiver.close();
    }
  });
});
