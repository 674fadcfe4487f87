// Longer than 250 lines: every admin REST command of the IM server against one running server, each command
// a short case; the server start-up is what the cases share.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, createGroup, importAccounts, startServer } from "./helpers";

type Member = { Member_Account: string; Role: string; MuteUntil?: number; NameCard?: string };

describe("admin REST commands", () => {
  let server: TestServer;
  const users = Array.from({ length: 12 }, (_, i) => `u_${String(i).padStart(2, "0")}`);
  const g = (command: string, body: Record<string, unknown>) => server.rest(`group_open_http_svc/${command}`, body);
  const info = async (groupId: string) =>
    ((await g("get_group_info", { GroupIdList: [groupId] })).GroupInfo as Record<string, unknown>[])[0];
  const roles = async (groupId: string) =>
    Object.fromEntries(
      ((await g("get_group_member_info", { GroupId: groupId })).MemberList as Member[]).map((m) => [m.Member_Account, m.Role]),
    );

  beforeAll(async () => {
    server = await startServer();
    await importAccounts(server, ...users);
  });
  afterAll(() => server.close());

  describe("modify_group_base_info", () => {
    it("changes the profile and bumps InfoSeq", async () => {
      const id = await createGroup(server, { Type: "Public", Name: "Before", Owner_Account: "u_00" });
      expect(
        await g("modify_group_base_info", {
          GroupId: id,
          Name: "After 東京",
          Introduction: "intro",
          MuteAllMember: "On",
          ApplyJoinOption: "FreeAccess",
          MaxMemberNum: 10,
        }),
      ).toMatchObject({
        ErrorCode: 0,
      });
      expect(await info(id)).toMatchObject({
        Name: "After 東京",
        Introduction: "intro",
        MuteAllMember: "On",
        ApplyJoinOption: "FreeAccess",
        MaxMemberNum: 10,
        InfoSeq: 2,
      });
      // Nothing changed → InfoSeq stays.
      await g("modify_group_base_info", { GroupId: id, Name: "After 東京" });
      expect((await info(id)).InfoSeq).toBe(2);
    });

    const fixed: [string, string][] = [
      ["Private", "NeedPermission"],
      ["ChatRoom", "NeedPermission"],
      ["Community", "DisableApply"],
      ["AVChatRoom", "NeedPermission"],
    ];
    it.each(fixed)("refuses changing a %s group's join option with 10007", async (type, option) => {
      const id = await createGroup(server, { Type: type, Name: "fixed", Owner_Account: "u_00" });
      expect(await g("modify_group_base_info", { GroupId: id, ApplyJoinOption: option })).toMatchObject({ ErrorCode: 10007 });
    });

    it("refuses bad changes", async () => {
      const id = await createGroup(server, {
        Type: "Public",
        Name: "x",
        Owner_Account: "u_00",
        MemberList: [{ Member_Account: "u_01" }, { Member_Account: "u_02" }],
      });
      const work = await createGroup(server, { Type: "Private", Name: "w", Owner_Account: "u_00" });
      const cases: [Record<string, unknown>, number][] = [
        [{ GroupId: id, MaxMemberNum: 2 }, 10004],
        [{ GroupId: id, MaxMemberNum: 6001 }, 10004],
        [{ GroupId: id, Name: "" }, 10004],
        [{ GroupId: id, Notification: "😀".repeat(101) }, 10004],
        [{ GroupId: id, MuteAllMember: "Yes" }, 10004],
        [{ GroupId: work, MuteAllMember: "On" }, 10007],
        [{ GroupId: "missing", Name: "x" }, 10010],
        [{ GroupId: id, Name: "x", From_Account: "u_ghost" }, 10019],
      ];
      for (const [body, code] of cases)
        expect(await g("modify_group_base_info", body), JSON.stringify(body)).toMatchObject({ ErrorCode: code });
      expect(await g("modify_group_base_info", { GroupId: id, MaxMemberNum: 3 })).toMatchObject({ ErrorCode: 0 });
    });
  });

  describe("members", () => {
    let group: string;
    beforeAll(async () => {
      group = await createGroup(server, { Type: "Public", Name: "Members", Owner_Account: "u_00", MaxMemberCount: 6 });
    });

    it("adds members with a result per member", async () => {
      const res = await g("add_group_member", {
        GroupId: group,
        MemberList: [{ Member_Account: "u_01" }, { Member_Account: "u_02" }, { Member_Account: "u_00" }],
      });
      expect(res.MemberList).toEqual([
        { Member_Account: "u_01", Result: 1 },
        { Member_Account: "u_02", Result: 1 },
        { Member_Account: "u_00", Result: 2 },
      ]);
      expect((await info(group)).MemberNum).toBe(3);
    });

    it("refuses unknown accounts, too many, a full group and AVChatRoom", async () => {
      const av = await createGroup(server, { Type: "AVChatRoom", Name: "av" });
      const cases: [Record<string, unknown>, number][] = [
        [{ GroupId: group, MemberList: [{ Member_Account: "u_03" }, { Member_Account: "u_ghost" }] }, 10019],
        [{ GroupId: group, MemberList: Array.from({ length: 301 }, (_, i) => ({ Member_Account: `x${i}` })) }, 10005],
        [{ GroupId: group, MemberList: users.slice(3, 7).map((Member_Account) => ({ Member_Account })) }, 10014],
        [{ GroupId: av, MemberList: [{ Member_Account: "u_03" }] }, 10007],
        [{ GroupId: "missing", MemberList: [{ Member_Account: "u_03" }] }, 10010],
        [{ GroupId: group, MemberList: [] }, 10004],
      ];
      for (const [body, code] of cases)
        expect(await g("add_group_member", body), JSON.stringify(body).slice(0, 80)).toMatchObject({ ErrorCode: code });
      expect((await info(group)).MemberNum).toBe(3);
    });

    it("reads members with filters and paging", async () => {
      await g("add_group_member", { GroupId: group, MemberList: [{ Member_Account: "u_03" }] });
      await g("modify_group_member_info", { GroupId: group, Member_Account: "u_01", Role: "Admin" });
      const all = await g("get_group_member_info", { GroupId: group });
      expect(all.MemberNum).toBe(4);
      expect((all.MemberList as Member[])[0]).toMatchObject({
        Member_Account: "u_00",
        Role: "Owner",
        MsgFlag: "AcceptAndNotify",
        MuteUntil: 0,
        NameCard: "",
      });
      const admins = await g("get_group_member_info", { GroupId: group, MemberRoleFilter: ["Owner", "Admin"], MemberInfoFilter: ["Role"] });
      expect(admins.MemberList).toEqual([
        { Member_Account: "u_00", Role: "Owner" },
        { Member_Account: "u_01", Role: "Admin" },
      ]);
      const page = await g("get_group_member_info", { GroupId: group, Limit: 2, Offset: 2, MemberInfoFilter: ["JoinTime"] });
      expect((page.MemberList as Member[]).map((m) => m.Member_Account)).toEqual(["u_02", "u_03"]);
      expect(page.MemberNum).toBe(4);
      expect(await g("get_group_member_info", { GroupId: group, MemberRoleFilter: ["Boss"] })).toMatchObject({ ErrorCode: 10004 });
    });

    it("pages Community members with a Next string", async () => {
      const community = await createGroup(server, {
        Type: "Community",
        Name: "c",
        Owner_Account: "u_00",
        MemberList: users.slice(1, 8).map((Member_Account) => ({ Member_Account })),
      });
      const seen: string[] = [];
      let next = "";
      for (let i = 0; i < 5; i++) {
        const res = await g("get_group_member_info", { GroupId: community, Limit: 3, Next: next });
        expect(res.MemberNum).toBe(8);
        seen.push(...(res.MemberList as Member[]).map((m) => m.Member_Account));
        next = res.Next as string;
        if (next === "") break;
      }
      expect(seen).toEqual(users.slice(0, 8));
    });

    it("answers roles, NotMember alike for an outsider and for an account that does not exist", async () => {
      const res = await g("get_role_in_group", { GroupId: group, User_Account: ["u_00", "u_01", "u_02", "u_09", "u_never_imported"] });
      expect(res.UserIdList).toEqual([
        { Member_Account: "u_00", Role: "Owner" },
        { Member_Account: "u_01", Role: "Admin" },
        { Member_Account: "u_02", Role: "Member" },
        { Member_Account: "u_09", Role: "NotMember" },
        { Member_Account: "u_never_imported", Role: "NotMember" },
      ]);
    });

    it("changes roles but not the owner's, and not in Work groups", async () => {
      expect(await g("modify_group_member_info", { GroupId: group, Member_Account: "u_00", Role: "Member" })).toMatchObject({
        ErrorCode: 10004,
      });
      expect(await g("modify_group_member_info", { GroupId: group, Member_Account: "u_09", Role: "Admin" })).toMatchObject({
        ErrorCode: 10004,
      });
      expect(await g("modify_group_member_info", { GroupId: group, Member_Account: "u_02", Role: "Owner" })).toMatchObject({
        ErrorCode: 10004,
      });
      const work = await createGroup(server, {
        Type: "Private",
        Name: "w",
        Owner_Account: "u_00",
        MemberList: [{ Member_Account: "u_01" }],
      });
      expect(await g("modify_group_member_info", { GroupId: work, Member_Account: "u_01", Role: "Admin" })).toMatchObject({
        ErrorCode: 10007,
      });
      expect(await g("modify_group_member_info", { GroupId: group, Member_Account: "u_02", NameCard: "名".repeat(17) })).toMatchObject({
        ErrorCode: 10004,
      });
      expect(await g("modify_group_member_info", { GroupId: group, Member_Account: "u_02", NameCard: "名札" })).toMatchObject({
        ErrorCode: 0,
      });
    });

    it("transfers ownership to a member; the old owner becomes Member", async () => {
      expect(await g("change_group_owner", { GroupId: group, NewOwner_Account: "u_09" })).toMatchObject({ ErrorCode: 10004 });
      expect(await g("change_group_owner", { GroupId: group, NewOwner_Account: "u_02" })).toMatchObject({ ErrorCode: 0 });
      expect(await roles(group)).toMatchObject({ u_00: "Member", u_02: "Owner" });
      expect((await info(group)).Owner_Account).toBe("u_02");
      const av = await createGroup(server, { Type: "AVChatRoom", Name: "av" });
      expect(await g("change_group_owner", { GroupId: av, NewOwner_Account: "u_02" })).toMatchObject({ ErrorCode: 10007 });
    });

    it("mutes members, and the mute survives leaving and rejoining", async () => {
      expect(await g("forbid_send_msg", { GroupId: group, Members_Account: ["u_03"], MuteTime: 600 })).toMatchObject({ ErrorCode: 0 });
      const muted = await g("get_group_muted_account", { GroupId: group });
      expect(muted).toMatchObject({ GroupId: group, MutedAccountList: [{ Member_Account: "u_03" }] });
      expect((muted.MutedAccountList as { MutedUntil: number }[])[0].MutedUntil).toBeGreaterThan(Date.now() / 1000 + 500);
      await g("delete_group_member", { GroupId: group, MemberToDel_Account: ["u_03"] });
      await g("add_group_member", { GroupId: group, MemberList: [{ Member_Account: "u_03" }] });
      expect((await g("get_group_muted_account", { GroupId: group })).MutedAccountList).toHaveLength(1);
      await g("forbid_send_msg", { GroupId: group, Members_Account: ["u_03"], MuteTime: 0 });
      expect((await g("get_group_muted_account", { GroupId: group })).MutedAccountList).toEqual([]);
      const work = await createGroup(server, { Type: "Private", Name: "w", Owner_Account: "u_00" });
      expect(await g("forbid_send_msg", { GroupId: work, Members_Account: ["u_00"], MuteTime: 60 })).toMatchObject({ ErrorCode: 10007 });
    });

    it("removes members, never the owner, and never from AVChatRoom", async () => {
      expect(await g("delete_group_member", { GroupId: group, MemberToDel_Account: ["u_02"] })).toMatchObject({ ErrorCode: 10004 });
      expect(await g("delete_group_member", { GroupId: group, MemberToDel_Account: ["u_03", "u_09"], Reason: "spam" })).toMatchObject({
        ErrorCode: 0,
      });
      expect(await roles(group)).not.toHaveProperty("u_03");
      expect(
        await g("delete_group_member", { GroupId: group, MemberToDel_Account: Array.from({ length: 101 }, (_, i) => `x${i}`) }),
      ).toMatchObject({
        ErrorCode: 10005,
      });
      const av = await createGroup(server, { Type: "AVChatRoom", Name: "av" });
      expect(await g("delete_group_member", { GroupId: av, MemberToDel_Account: ["u_01"] })).toMatchObject({ ErrorCode: 10004 });
      expect(await g("get_group_member_info", { GroupId: av })).toMatchObject({ ErrorCode: 10007 });
      expect(await g("get_role_in_group", { GroupId: av, User_Account: ["u_01"] })).toMatchObject({ ErrorCode: 10007 });
    });
  });

  it("lists joined groups without AVChatRoom or topic Communities unless asked", async () => {
    await importAccounts(server, "u_joiner");
    const pub = await createGroup(server, { Type: "Public", Name: "P", MemberList: [{ Member_Account: "u_joiner" }] });
    const av = await createGroup(server, { Type: "AVChatRoom", Name: "AV" });
    server.store.members.add(av, "u_joiner", "Member", 1);
    const topics = await createGroup(server, {
      Type: "Community",
      Name: "T",
      GroupId: "@TGS#_topics",
      SupportTopic: 1,
      MemberList: [{ Member_Account: "u_joiner" }],
    });
    const list = (body: Record<string, unknown>) => g("get_joined_group_list", { Member_Account: "u_joiner", ...body });
    const ids = (res: Record<string, unknown>) => (res.GroupIdList as { GroupId: string }[]).map((i) => i.GroupId);

    const plain = await list({});
    expect(plain.TotalCount).toBe(1);
    expect(ids(plain)).toEqual([pub]);
    expect((plain.GroupIdList as Record<string, unknown>[])[0].SelfInfo).toMatchObject({ Role: "Member", MsgFlag: "AcceptAndNotify" });
    expect(ids(await list({ WithHugeGroups: 1 }))).toEqual([pub, av]);
    expect(ids(await list({ GroupType: "Community", SupportTopic: 1 }))).toEqual([topics]);
    const filtered = await list({ ResponseFilter: { GroupBaseInfoFilter: ["Name", "Type"], SelfInfoFilter: ["Role"] } });
    expect(filtered.GroupIdList).toEqual([{ GroupId: pub, Name: "P", Type: "Public", SelfInfo: { Role: "Member" } }]);
    expect(await g("get_joined_group_list", { Member_Account: "u_ghost" })).toMatchObject({ ErrorCode: 10019 });
  });

  it("sends system notifications to members and one-to-one messages", async () => {
    const id = await createGroup(server, {
      Type: "ChatRoom",
      Name: "N",
      Owner_Account: "u_00",
      MemberList: [{ Member_Account: "u_01" }, { Member_Account: "u_02" }],
    });
    expect(
      await g("send_group_system_notification", { GroupId: id, Content: "maintenance at 22:00", ToMembers_Account: ["u_01", "u_09"] }),
    ).toMatchObject({
      ErrorCode: 0,
    });
    expect(server.store.events.notices("u_01")).toMatchObject([{ kind: "group_system", groupId: id, content: "maintenance at 22:00" }]);
    expect(server.store.events.notices("u_02")).toEqual([]);
    expect(await g("send_group_system_notification", { GroupId: id })).toMatchObject({ ErrorCode: 10004 });

    const sent = await server.rest("openim/sendmsg", {
      SyncOtherMachine: 2,
      To_Account: "u_02",
      MsgRandom: 1234,
      MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: "Your application was approved 🎉" } }],
    });
    expect(sent).toMatchObject({ ErrorCode: 0 });
    expect(typeof sent.MsgTime).toBe("number");
    expect(sent.MsgKey).toMatch(/^\d+_\d+_\d+$/);
    expect(server.store.events.notices("u_02")).toMatchObject([{ kind: "c2c", from: "administrator" }]);
    expect(
      await server.rest("openim/sendmsg", {
        To_Account: "u_ghost",
        MsgRandom: 1,
        MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: "x" } }],
      }),
    ).toMatchObject({
      ErrorCode: 70107,
    });
    expect(await server.rest("openim/sendmsg", { To_Account: "u_02", MsgBody: [] })).toMatchObject({ ErrorCode: 90001 });
  });

  it("destroys a group: gone from lists and info, its ID free again", async () => {
    const id = await createGroup(server, { Type: "Public", Name: "Doomed", GroupId: "doomed", Owner_Account: "u_00" });
    expect(await g("destroy_group", { GroupId: id })).toMatchObject({ ErrorCode: 0 });
    expect(await g("destroy_group", { GroupId: id })).toMatchObject({ ErrorCode: 10010 });
    expect(await info(id)).toMatchObject({ ErrorCode: 10010 });
    const list = await g("get_appid_group_list", {});
    expect((list.GroupIdList as { GroupId: string }[]).some((i) => i.GroupId === id)).toBe(false);
    expect(await g("create_group", { Type: "Public", Name: "Reborn", GroupId: "doomed" })).toMatchObject({
      ErrorCode: 0,
      GroupId: "doomed",
    });
  });
});
