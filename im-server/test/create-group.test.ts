import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, importAccounts, startServer } from "./helpers";

type Info = Record<string, unknown> & { MemberList?: { Member_Account: string; Role: string }[] };

describe("create_group", () => {
  let server: TestServer;
  const create = (body: Record<string, unknown>) => server.rest("group_open_http_svc/create_group", body);
  const info = async (groupId: string): Promise<Info> =>
    ((await server.rest("group_open_http_svc/get_group_info", { GroupIdList: [groupId] })).GroupInfo as Info[])[0];

  beforeAll(async () => {
    server = await startServer();
    await importAccounts(server, "u_owner", "u_a", "u_b", "u_c");
  });
  afterAll(() => server.close());

  const defaults: [string, string, number][] = [
    ["Private", "DisableApply", 6000],
    ["Public", "NeedPermission", 6000],
    ["ChatRoom", "FreeAccess", 6000],
    ["Community", "FreeAccess", 100000],
    ["AVChatRoom", "FreeAccess", 1000000],
  ];
  it.each(defaults)("stores a %s group's default join option %s and member ceiling %d", async (type, option, max) => {
    const res = await create({ Type: type, Name: `${type} group`, Owner_Account: "u_owner" });
    expect(res).toMatchObject({ ActionStatus: "OK", ErrorCode: 0 });
    const groupId = res.GroupId as string;
    if (type === "Community") {
      expect(groupId).toMatch(/^@TGS#_@TGS#[A-Z0-9]{9,10}$/);
      expect(res).toMatchObject({ Type: "Community", HugeGroupFlag: 0 });
    } else {
      expect(groupId).toMatch(/^@TGS#[A-Z0-9]{9,10}$/);
      expect(res).not.toHaveProperty("Type");
    }
    const group = await info(groupId);
    expect(group).toMatchObject({
      Type: type,
      ApplyJoinOption: option,
      MaxMemberNum: max,
      Owner_Account: "u_owner",
      MemberNum: 1,
      MuteAllMember: "Off",
    });
    if (type !== "AVChatRoom") expect(group.MemberList).toEqual([expect.objectContaining({ Member_Account: "u_owner", Role: "Owner" })]);
  });

  it("keeps every field it was given", async () => {
    const res = await create({
      Type: "Public",
      GroupId: "tokyo-react",
      Name: "東京 React 勉強会",
      Introduction: "毎月の勉強会",
      Notification: "次回は土曜日",
      FaceUrl: "https://example.com/face.png",
      MaxMemberCount: 200,
      ApplyJoinOption: "FreeAccess",
      InviteJoinOption: "NeedPermission",
      AppDefinedData: [{ Key: "city", Value: "Tokyo" }],
      Owner_Account: "u_owner",
      MemberList: [{ Member_Account: "u_a", Role: "Admin" }, { Member_Account: "u_b" }],
    });
    expect(res).toMatchObject({ ErrorCode: 0, GroupId: "tokyo-react" });
    const group = await info("tokyo-react");
    expect(group).toMatchObject({
      GroupId: "tokyo-react",
      Type: "Public",
      Appid: 1400000000,
      Name: "東京 React 勉強会",
      Introduction: "毎月の勉強会",
      Notification: "次回は土曜日",
      FaceUrl: "https://example.com/face.png",
      MaxMemberNum: 200,
      MemberNum: 3,
      ApplyJoinOption: "FreeAccess",
      InviteJoinOption: "NeedPermission",
      AppDefinedData: [{ Key: "city", Value: "Tokyo" }],
      InfoSeq: 1,
      LastMsgTime: 0,
    });
    expect(typeof group.CreateTime).toBe("number");
    expect(Object.fromEntries(group.MemberList!.map((m) => [m.Member_Account, m.Role]))).toEqual({
      u_owner: "Owner",
      u_a: "Admin",
      u_b: "Member",
    });
  });

  it("creates an owner-less group and a custom Community ID", async () => {
    const ownerless = await create({ Type: "ChatRoom", Name: "No owner" });
    expect((await info(ownerless.GroupId as string)).Owner_Account).toBe("");
    expect(await create({ Type: "Community", Name: "Demo", GroupId: "@TGS#_demo-community", SupportTopic: 1 })).toMatchObject({
      ErrorCode: 0,
      GroupId: "@TGS#_demo-community",
      Type: "Community",
    });
    expect((await info("@TGS#_demo-community")).SupportTopic).toBe(1);
  });

  const jp = (n: number) => "あ".repeat(n); // 3 bytes each
  const emoji = (n: number) => "😀".repeat(n); // 4 bytes each
  const refusals: [string, Record<string, unknown>, number][] = [
    ["no Type", { Name: "x" }, 10004],
    ["an unknown Type", { Type: "Work", Name: "x" }, 10004],
    ["no Name", { Type: "Public" }, 10004],
    ["a blank Name", { Type: "Public", Name: "   " }, 10004],
    ["a Name of 101 bytes (Japanese)", { Type: "Public", Name: `${jp(33)}xx` }, 10004],
    ["an Introduction of 401 bytes (emoji)", { Type: "Public", Name: "x", Introduction: `${emoji(100)}x` }, 10004],
    ["a Notification of 401 bytes", { Type: "Public", Name: "x", Notification: "n".repeat(401) }, 10004],
    ["a FaceUrl of 501 bytes", { Type: "Public", Name: "x", FaceUrl: "f".repeat(501) }, 10004],
    ["a custom ID with non-ASCII", { Type: "Public", Name: "x", GroupId: "東京" }, 10004],
    ["a custom ID with a control character", { Type: "Public", Name: "x", GroupId: "a\tb" }, 10004],
    ["a custom ID of 49 bytes", { Type: "Public", Name: "x", GroupId: "g".repeat(49) }, 10004],
    ["a custom ID starting with @TGS#", { Type: "Public", Name: "x", GroupId: "@TGS#mine" }, 10004],
    ["a Community ID without @TGS#_", { Type: "Community", Name: "x", GroupId: "community-1" }, 10004],
    ["MaxMemberCount above the type ceiling", { Type: "Public", Name: "x", MaxMemberCount: 6001 }, 10004],
    ["MaxMemberCount 0", { Type: "ChatRoom", Name: "x", MaxMemberCount: 0 }, 10004],
    ["a bad ApplyJoinOption", { Type: "Public", Name: "x", ApplyJoinOption: "Anyone" }, 10004],
    ["a member Role other than Admin", { Type: "Public", Name: "x", MemberList: [{ Member_Account: "u_a", Role: "Owner" }] }, 10004],
    ["an Admin in a Work group", { Type: "Private", Name: "x", MemberList: [{ Member_Account: "u_a", Role: "Admin" }] }, 10004],
    ["a non-array MemberList", { Type: "Public", Name: "x", MemberList: "u_a" }, 10004],
    [
      "more than 100 members",
      { Type: "Public", Name: "x", MemberList: Array.from({ length: 101 }, (_, i) => ({ Member_Account: `m${i}` })) },
      10005,
    ],
    ["members for an AVChatRoom", { Type: "AVChatRoom", Name: "x", MemberList: [{ Member_Account: "u_a" }] }, 10007],
    ["a join option other than the type's", { Type: "ChatRoom", Name: "x", ApplyJoinOption: "NeedPermission" }, 10007],
    ["SupportTopic outside Community", { Type: "Public", Name: "x", SupportTopic: 1 }, 10007],
    ["InviteJoinOption for AVChatRoom", { Type: "AVChatRoom", Name: "x", InviteJoinOption: "FreeAccess" }, 10007],
    [
      "more initial members than MaxMemberCount",
      {
        Type: "Public",
        Name: "x",
        Owner_Account: "u_owner",
        MaxMemberCount: 2,
        MemberList: [{ Member_Account: "u_a" }, { Member_Account: "u_b" }],
      },
      10014,
    ],
    ["an unknown owner", { Type: "Public", Name: "x", Owner_Account: "u_ghost" }, 10019],
    ["an unknown member", { Type: "Public", Name: "x", MemberList: [{ Member_Account: "u_ghost" }] }, 10019],
    ["a taken custom ID", { Type: "Public", Name: "x", GroupId: "tokyo-react" }, 10021],
  ];
  it.each(refusals)("refuses %s", async (_name, body, code) => {
    const before = (await server.rest("group_open_http_svc/get_appid_group_list", {})).TotalCount;
    expect(await create(body)).toMatchObject({ ActionStatus: "FAIL", ErrorCode: code });
    expect((await server.rest("group_open_http_svc/get_appid_group_list", {})).TotalCount).toBe(before);
  });

  it("accepts limits exactly at the byte boundary", async () => {
    const res = await create({
      Type: "Public",
      Name: `${jp(33)}x`,
      Introduction: emoji(100),
      Notification: jp(133) + "x",
      FaceUrl: "f".repeat(500),
      GroupId: "g".repeat(48),
    });
    expect(res).toMatchObject({ ErrorCode: 0, GroupId: "g".repeat(48) });
  });
});
