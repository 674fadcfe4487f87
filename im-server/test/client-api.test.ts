// Longer than 250 lines: the client API's commands against one running server and its event stream, each
// command a short case.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImClient, ImClientError } from "../client";
import { type ApplyJoinOption, type GroupType } from "../src/domain/group-types";
import { SDKAPPID, SECRET, type TestServer, createGroup, importAccounts, query, recordEvents, sig, startServer, waitFor } from "./helpers";

async function codeOf(promise: Promise<unknown>): Promise<number | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof ImClientError) return error.code;
    throw error;
  }
}

describe("client API", () => {
  let server: TestServer;
  let n = 0;
  /** A fresh account per case so cases never interfere. */
  const newUser = async () => {
    const id = `u_user${++n}`;
    await importAccounts(server, id);
    return id;
  };

  beforeAll(async () => {
    server = await startServer();
    await importAccounts(server, "u_owner", "u_admin", "u_member");
  });
  afterAll(() => server.close());

  describe("joinGroup per type × join option", () => {
    const cases: [GroupType, ApplyJoinOption | undefined, string | number][] = [
      ["Private", undefined, 10007],
      ["Public", "NeedPermission", "applied"],
      ["Public", "FreeAccess", "joined"],
      ["Public", "DisableApply", 10007],
      ["ChatRoom", undefined, "joined"],
      ["Community", undefined, "joined"],
      ["AVChatRoom", undefined, "joined"],
    ];
    it.each(cases)("%s / %s → %s", async (type, option, expected) => {
      const groupId = await createGroup(server, {
        Type: type,
        Name: `${type} ${option}`,
        Owner_Account: "u_owner",
        ...(option ? { ApplyJoinOption: option } : {}),
      });
      const user = await server.client(await newUser());
      let outcome: string | number;
      try {
        outcome = (await user.joinGroup(groupId, "hi")).status;
      } catch (error) {
        outcome = (error as ImClientError).code;
      }
      expect(outcome).toBe(expected);
      if (outcome === "joined") expect(await codeOf(user.joinGroup(groupId))).toBe(10013);
    });

    it.each(["Public", "ChatRoom", "Community"] as GroupType[])("a full %s group refuses with 10014", async (type) => {
      const groupId = await createGroup(server, {
        Type: type,
        Name: "full",
        Owner_Account: "u_owner",
        MaxMemberCount: 1,
        ...(type === "Public" ? { ApplyJoinOption: "FreeAccess" } : {}),
      });
      const user = await server.client(await newUser());
      expect(await codeOf(user.joinGroup(groupId))).toBe(10014);
    });

    it("answers 10010 for a missing group", async () => {
      const user = await server.client(await newUser());
      expect(await codeOf(user.joinGroup("nope"))).toBe(10010);
    });
  });

  describe("quitGroup", () => {
    const owners: [GroupType, number | string][] = [
      ["Private", "ok"],
      ["Public", 10009],
      ["ChatRoom", 10009],
      ["Community", 10009],
      ["AVChatRoom", 10009],
    ];
    it.each(owners)("the owner of a %s group quitting → %s", async (type, expected) => {
      const owner = await newUser();
      const groupId = await createGroup(server, { Type: type, Name: "q", Owner_Account: owner });
      const client = await server.client(owner);
      expect(await codeOf(client.quitGroup(groupId))).toBe(expected);
      if (expected === "ok") {
        const info = await server.rest("group_open_http_svc/get_group_info", { GroupIdList: [groupId] });
        expect((info.GroupInfo as Record<string, unknown>[])[0]).toMatchObject({ Owner_Account: "", MemberNum: 0 });
      }
    });

    it("a member quits; others hear onMemberLeave, the quitter onQuitFromGroup", async () => {
      const [a, b] = [await newUser(), await newUser()];
      const groupId = await createGroup(server, {
        Type: "ChatRoom",
        Name: "leave",
        Owner_Account: "u_owner",
        MemberList: [{ Member_Account: a }, { Member_Account: b }],
      });
      const [ca, cb] = [await server.client(a), await server.client(b)];
      const [ea, eb] = [recordEvents(ca), recordEvents(cb)];
      await ca.quitGroup(groupId);
      await waitFor(() => eb.length && ea.length);
      expect(ea.map((e) => e.name)).toEqual(["onQuitFromGroup"]);
      expect(eb).toMatchObject([{ name: "onMemberLeave", payload: { groupID: groupId, member: { userID: a } } }]);
      expect(await codeOf(ca.quitGroup(groupId))).toBe(10007);
    });
  });

  describe("inviteUserToGroup", () => {
    it("lets a Work member invite; everyone hears onMemberInvited", async () => {
      const [inviter, guest] = [await newUser(), await newUser()];
      const groupId = await createGroup(server, {
        Type: "Private",
        Name: "work",
        Owner_Account: "u_owner",
        MemberList: [{ Member_Account: inviter }],
      });
      const client = await server.client(inviter);
      const events = recordEvents(client);
      expect(await client.inviteUserToGroup(groupId, [guest, "u_owner"])).toEqual([
        { memberID: guest, result: 1 },
        { memberID: "u_owner", result: 2 },
      ]);
      await waitFor(() => events.find((e) => e.name === "onMemberInvited"));
      expect(events[0].payload).toMatchObject({ groupID: groupId, opUser: { userID: inviter }, memberList: [{ userID: guest }] });
    });

    it("refuses non-members, DisableInvite groups, AVChatRoom and unknown accounts", async () => {
      const [outsider, guest] = [await newUser(), await newUser()];
      const work = await createGroup(server, { Type: "Private", Name: "w", Owner_Account: "u_owner" });
      const pub = await createGroup(server, { Type: "Public", Name: "p", Owner_Account: "u_owner" });
      const av = await createGroup(server, { Type: "AVChatRoom", Name: "av", Owner_Account: "u_owner" });
      const owner = await server.client("u_owner");
      expect(await codeOf((await server.client(outsider)).inviteUserToGroup(work, [guest]))).toBe(10007);
      expect(await codeOf(owner.inviteUserToGroup(pub, [guest]))).toBe(10007);
      expect(await codeOf(owner.inviteUserToGroup(av, [guest]))).toBe(10007);
      expect(await codeOf(owner.inviteUserToGroup(work, ["u_ghost"]))).toBe(10019);
    });
  });

  describe("applications from a phone", () => {
    it("reach owner and admins only; the requester alone learns the outcome", async () => {
      const requester = await newUser();
      const groupId = await createGroup(server, {
        Type: "Public",
        Name: "phone",
        Owner_Account: "u_owner",
        MemberList: [{ Member_Account: "u_admin", Role: "Admin" }, { Member_Account: "u_member" }],
      });
      const [owner, admin, member, req] = [
        await server.client("u_owner"),
        await server.client("u_admin"),
        await server.client("u_member"),
        await server.client(requester),
      ];
      const [eo, ea, em, er] = [owner, admin, member, req].map(recordEvents);
      const { applicationID } = await req.joinGroup(groupId, "よろしく");
      await waitFor(() => eo.length && ea.length);
      for (const events of [eo, ea]) {
        expect(events).toMatchObject([
          { name: "onReceiveJoinApplication", payload: { groupID: groupId, member: { userID: requester }, opReason: "よろしく" } },
        ]);
      }

      const list = await admin.getGroupApplicationList();
      expect(list.unreadCount).toBeGreaterThanOrEqual(1);
      expect(list.applicationList.find((a) => a.applicationID === applicationID)).toMatchObject({
        fromUser: requester,
        requestMsg: "よろしく",
        handleStatus: 0,
      });
      expect(await codeOf(member.acceptGroupApplication(applicationID!))).toBe(10007);
      expect(await codeOf(req.acceptGroupApplication(applicationID!))).toBe(10007);

      const handled = await admin.refuseGroupApplication(applicationID!, "not now");
      expect(handled).toMatchObject({ handleStatus: 2, handleResult: 0, handledMsg: "not now" });
      await waitFor(() => er.length);
      expect(er).toMatchObject([
        {
          name: "onApplicationProcessed",
          payload: { groupID: groupId, opUser: { userID: "u_admin" }, isAgreeJoin: false, opReason: "not now" },
        },
      ]);
      expect(await codeOf(owner.acceptGroupApplication(applicationID!))).toBe(10024);
      expect((await owner.getGroupApplicationList()).applicationList.find((a) => a.applicationID === applicationID)).toMatchObject({
        handleStatus: 1,
      });
      expect(em.filter((e) => e.name !== "onMemberEnter")).toEqual([]);

      // Accepting a new application: everyone (the newcomer too) hears onMemberEnter.
      const again = await req.joinGroup(groupId, "second try");
      await owner.acceptGroupApplication(again.applicationID!, "ok");
      await waitFor(() => em.find((e) => e.name === "onMemberEnter") && er.find((e) => e.name === "onMemberEnter"));
      expect(er.slice(1).map((e) => e.name)).toEqual(["onApplicationProcessed", "onMemberEnter"]);
    });
  });

  describe("dismissGroup and getJoinedGroupList", () => {
    it("only the owner dismisses; nobody dismisses Work from a client; members hear onGroupDismissed", async () => {
      const [owner, member] = [await newUser(), await newUser()];
      const pub = await createGroup(server, {
        Type: "Public",
        Name: "bye",
        Owner_Account: owner,
        MemberList: [{ Member_Account: member }],
      });
      const work = await createGroup(server, { Type: "Private", Name: "w", Owner_Account: owner });
      const [co, cm] = [await server.client(owner), await server.client(member)];
      const em = recordEvents(cm);
      expect(await codeOf(cm.dismissGroup(pub))).toBe(10007);
      expect(await codeOf(co.dismissGroup(work))).toBe(10007);
      expect(await codeOf(co.dismissGroup(pub))).toBe("ok");
      await waitFor(() => em.length);
      expect(em).toMatchObject([{ name: "onGroupDismissed", payload: { groupID: pub, opUser: { userID: owner } } }]);
    });

    it("lists joined groups without AVChatRoom", async () => {
      const user = await newUser();
      const pub = await createGroup(server, { Type: "Public", Name: "mine", Owner_Account: user });
      const av = await createGroup(server, { Type: "AVChatRoom", Name: "live" });
      const client = await server.client(user);
      await client.joinGroup(av);
      const groups = await client.getJoinedGroupList();
      expect(groups).toEqual([
        expect.objectContaining({ groupID: pub, groupType: "Public", groupName: "mine", role: 400, groupAddOpt: 1, memberCount: 1 }),
      ]);
    });
  });

  describe("events stream", () => {
    it("replays missed events after a reconnect with Last-Event-ID", async () => {
      const user = await newUser();
      const groupId = await createGroup(server, { Type: "ChatRoom", Name: "replay", Owner_Account: user });
      const first = new ImClient({ baseUrl: server.url, sdkAppId: SDKAPPID, secretKey: SECRET });
      await first.login(user);
      const seen = recordEvents(first);
      await server.rest("group_open_http_svc/send_group_system_notification", { GroupId: groupId, Content: "one" });
      await waitFor(() => seen.length === 1);
      const resumeFrom = first.lastEventId!;
      await first.logout();

      await server.rest("group_open_http_svc/send_group_system_notification", { GroupId: groupId, Content: "two" });
      await server.rest("group_open_http_svc/send_group_system_notification", { GroupId: groupId, Content: "three" });

      const second = new ImClient({ baseUrl: server.url, sdkAppId: SDKAPPID, secretKey: SECRET });
      const data: string[] = [];
      second.addGroupListener({ onReceiveRESTCustomData: (_groupID, customData) => data.push(customData) });
      await second.login(user, { lastEventId: resumeFrom });
      await waitFor(() => data.length === 2);
      expect(data).toEqual(["two", "three"]);
      await second.logout();
    });

    it("refuses a stream with a bad signature or for an unknown account", async () => {
      const bad = await fetch(`${server.url}/client/events?${query("u_owner", sig("u_owner", { key: "wrong" }))}`);
      expect(bad.status).toBe(401);
      expect(await bad.json()).toMatchObject({ ErrorCode: 70009 });
      const unknown = await fetch(`${server.url}/client/events?${query("u_ghost")}`);
      expect(await unknown.json()).toMatchObject({ ErrorCode: 70107 });
    });

    it("sends the stream with no-cache, no-transform", async () => {
      const controller = new AbortController();
      const res = await fetch(`${server.url}/client/events?${query("u_owner")}`, { signal: controller.signal });
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
      controller.abort();
    });
  });

  it("refuses a client call signed for someone else, and unknown methods", async () => {
    const res = await fetch(`${server.url}/client/joinGroup?${query("u_owner", sig("u_member"))}`, { method: "POST", body: "{}" });
    expect(await res.json()).toMatchObject({ ErrorCode: 70013 });
    const unknown = await fetch(`${server.url}/client/hackGroup?${query("u_owner")}`, { method: "POST", body: "{}" });
    expect(await unknown.json()).toMatchObject({ ErrorCode: 10003 });
  });
});
