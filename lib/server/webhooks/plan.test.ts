import { describe, expect, it } from "vitest";
import { BEFORE_APPLY_DELAYS_MS, MAX_MEMBER_EVENTS, planWebhook } from "./plan";

const AT = 1_700_000_000_000;
const ISO = new Date(AT).toISOString();
const fixedNow = () => new Date(0);
const plan = (command: string, body: Record<string, unknown>) =>
  planWebhook(command, { CallbackCommand: command, EventTime: AT, ...body }, fixedNow);
const members = (...ids: string[]) => ids.map((id) => ({ Member_Account: id }));

describe("webhook → directory work and live events", () => {
  it("a created group is synced and announced only if the IM server has it", () => {
    expect(plan("Group.CallbackAfterCreateGroup", { GroupId: "g1", Type: "Public", Name: "n", Owner_Account: "u1" })).toEqual({
      groupId: "g1",
      at: ISO,
      sync: true,
      refreshPending: false,
      ifPresent: [{ type: "group.created", groupId: "g1", at: ISO }],
      ifGone: [],
    });
  });

  it("a destroyed group is re-read: dismissed only when the IM server agrees", () => {
    expect(plan("Group.CallbackAfterGroupDestroyed", { GroupId: "g1", Type: "Public" })).toMatchObject({
      sync: true,
      ifPresent: [{ type: "group.updated", groupId: "g1" }],
      ifGone: [{ type: "group.dismissed", groupId: "g1" }],
    });
  });

  it.each(["Group.CallbackAfterGroupInfoChanged", "Group.CallbackAfterChangeGroupOwner", "Group.CallbackAfterMemberFieldChanged"])(
    "%s syncs and says group.updated",
    (command) => {
      expect(plan(command, { GroupId: "g1" })).toMatchObject({
        sync: true,
        refreshPending: false,
        ifPresent: [{ type: "group.updated", groupId: "g1", at: ISO }],
      });
    },
  );

  it("joins and exits sync the member count, re-count pending applications, and name each member", () => {
    expect(
      plan("Group.CallbackAfterNewMemberJoin", { GroupId: "g1", JoinType: "Apply", NewMemberList: members("u1", "u2") }),
    ).toMatchObject({
      sync: true,
      refreshPending: true,
      ifPresent: [
        { type: "member.joined", groupId: "g1", userId: "u1", at: ISO },
        { type: "member.joined", groupId: "g1", userId: "u2", at: ISO },
      ],
      ifGone: [{ type: "group.dismissed", groupId: "g1" }],
    });
    expect(plan("Group.CallbackAfterMemberExit", { GroupId: "g1", ExitType: "Quit", ExitMemberList: members("u3") })).toMatchObject({
      refreshPending: true,
      ifPresent: [{ type: "member.left", groupId: "g1", userId: "u3" }],
    });
  });

  it("a large batch of members becomes one event for the group", () => {
    const many = members(...Array.from({ length: MAX_MEMBER_EVENTS + 1 }, (_, i) => `u${i}`));
    expect(plan("Group.CallbackAfterNewMemberJoin", { GroupId: "g1", NewMemberList: many })?.ifPresent).toEqual([
      { type: "member.joined", groupId: "g1", at: ISO },
    ]);
    expect(plan("Group.CallbackAfterMemberExit", { GroupId: "g1", ExitMemberList: "garbage" })?.ifPresent).toEqual([
      { type: "member.left", groupId: "g1", at: ISO },
    ]);
  });

  it("an application is looked up on the IM server, later for Before (not stored yet) than for After", () => {
    expect(plan("Group.CallbackBeforeApplyJoinGroup", { GroupId: "g1", Requestor_Account: "u1", ApplyMsg: "hi" })).toMatchObject({
      sync: false,
      findApplication: { requesterId: "u1", delaysMs: BEFORE_APPLY_DELAYS_MS },
      ifPresent: [],
    });
    expect(BEFORE_APPLY_DELAYS_MS[0]).toBeGreaterThan(0);
    expect(plan("Group.CallbackAfterApplyJoinGroup", { GroupId: "g1", Requestor_Account: "u1", ApplicationId: "7" })).toMatchObject({
      findApplication: { requesterId: "u1", delaysMs: [0] },
    });
  });

  it("for the console's own inbox: who applied, with the message and the group's REST type; who got in and who let them", () => {
    expect(
      plan("Group.CallbackBeforeApplyJoinGroup", { GroupId: "g1", Type: "Public", Requestor_Account: "u1", ApplyMsg: "よろしく" })?.inbox,
    ).toEqual({
      kind: "applied",
      requesterId: "u1",
      message: "よろしく",
      restType: "Public",
    });
    expect(plan("Group.CallbackBeforeApplyJoinGroup", { GroupId: "g1", Requestor_Account: "u1" })?.inbox).toEqual({
      kind: "applied",
      requesterId: "u1",
      message: "",
    });
    expect(
      plan("Group.CallbackAfterNewMemberJoin", {
        GroupId: "g1",
        JoinType: "Apply",
        Operator_Account: "owner",
        NewMemberList: members("u1", "u2"),
      })?.inbox,
    ).toEqual({
      kind: "joined",
      userIds: ["u1", "u2"],
      operator: "owner",
    });
    expect(
      plan("Group.CallbackAfterApplyJoinGroup", { GroupId: "g1", Requestor_Account: "u1", ApplicationId: "7" })?.inbox,
    ).toBeUndefined();
  });

  it("a handled application re-counts pending and says application.handled", () => {
    expect(
      plan("Group.CallbackAfterHandleJoinApplication", { GroupId: "g1", ApplicationId: 7, Requestor_Account: "u1", Decision: "Agree" }),
    ).toMatchObject({
      refreshPending: true,
      ifPresent: [{ type: "application.handled", groupId: "g1", applicationId: "7", userId: "u1", at: ISO }],
    });
  });

  it("EventTime may be a quoted string; without one the time of receipt is used", () => {
    expect(planWebhook("Group.CallbackAfterGroupInfoChanged", { GroupId: "g1", EventTime: String(AT) }, fixedNow)?.at).toBe(ISO);
    expect(planWebhook("Group.CallbackAfterGroupInfoChanged", { GroupId: "g1" }, fixedNow)?.at).toBe(new Date(0).toISOString());
  });

  it.each([
    ["a Before callback with nothing to follow", "Group.CallbackBeforeCreateGroup", { GroupId: "g1" }],
    ["a command outside groups", "State.StateChange", { GroupId: "g1" }],
    ["a message callback before the fact", "Group.CallbackBeforeSendMsg", { GroupId: "g1" }],
    ["a body without GroupId", "Group.CallbackAfterCreateGroup", {}],
    ["an application without a requester", "Group.CallbackBeforeApplyJoinGroup", { GroupId: "g1" }],
    ["a prototype key as command", "constructor", { GroupId: "g1" }],
  ])("%s needs no work", (_, command, body) => {
    expect(planWebhook(command, body)).toBeNull();
  });

  it("a body that is not an object needs no work", () => {
    expect(planWebhook("Group.CallbackAfterCreateGroup", null)).toBeNull();
    expect(planWebhook("Group.CallbackAfterCreateGroup", "g1")).toBeNull();
  });

  it("a group ID no group can have (over 48 bytes, or not printable ASCII) needs no work: nothing is marked or re-read for it", () => {
    for (const GroupId of ["@TGS#" + "x".repeat(100_000), "群组", "g\n1"])
      expect(plan("Group.CallbackAfterNewMemberJoin", { GroupId, NewMemberList: members("u1") })).toBeNull();
  });
});
