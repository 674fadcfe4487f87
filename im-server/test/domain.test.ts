// The pure rules, without HTTP or SQL.
import { describe, expect, it } from "vitest";
import { decodeGroupCursor, encodeGroupCursor } from "../src/domain/cursors";
import { ImServerError } from "../src/domain/errors";
import { checkCustomGroupId, generateGroupId } from "../src/domain/group-id";
import { parseProfileChanges, type GroupProfile } from "../src/domain/group-profile";
import { type GroupFacts, checkClientDismiss, checkClientInvite, checkQuit, decideJoin } from "../src/domain/group-rules";
import { type ApplyJoinOption, type GroupType, TYPE_RULES } from "../src/domain/group-types";
import { utf8Bytes } from "../src/domain/limits";
import { createRng } from "../src/seed/prng";

function codeOf(run: () => unknown): number | "ok" | unknown {
  try {
    const value = run();
    return value === undefined ? "ok" : value;
  } catch (error) {
    if (error instanceof ImServerError) return error.code;
    throw error;
  }
}

const facts = (type: GroupType, option: ApplyJoinOption = TYPE_RULES[type].defaultApplyJoinOption, count = 1, max = 10): GroupFacts => ({
  type,
  applyJoinOption: option,
  inviteJoinOption: TYPE_RULES[type].defaultInviteJoinOption,
  memberCount: count,
  maxMembers: max,
});

describe("join rules (type × join option)", () => {
  const cases: [GroupType, ApplyJoinOption, string | number][] = [
    ["Private", "DisableApply", 10007],
    ["Public", "NeedPermission", "apply"],
    ["Public", "FreeAccess", "join"],
    ["Public", "DisableApply", 10007],
    ["ChatRoom", "FreeAccess", "join"],
    ["Community", "FreeAccess", "join"],
    ["AVChatRoom", "FreeAccess", "join"],
  ];
  it.each(cases)("%s with %s → %s", (type, option, expected) => {
    expect(codeOf(() => decideJoin(facts(type, option), false))).toBe(expected);
  });

  it.each(["Public", "ChatRoom", "Community", "AVChatRoom"] as GroupType[])("a full %s group refuses with 10014", (type) => {
    expect(codeOf(() => decideJoin(facts(type, TYPE_RULES[type].defaultApplyJoinOption, 10, 10), false))).toBe(10014);
  });

  it("an existing member gets 10013", () => {
    expect(codeOf(() => decideJoin(facts("ChatRoom"), true))).toBe(10013);
  });
});

describe("quit, dismiss and invite rules", () => {
  const quit: [GroupType, "Owner" | "Admin" | "Member" | null, number | string][] = [
    ["Private", "Owner", "ok"],
    ["Public", "Owner", 10009],
    ["ChatRoom", "Owner", 10009],
    ["Community", "Owner", 10009],
    ["AVChatRoom", "Owner", 10009],
    ["Public", "Member", "ok"],
    ["Public", "Admin", "ok"],
    ["Public", null, 10007],
  ];
  it.each(quit)("%s %s quitting → %s", (type, role, expected) => {
    expect(codeOf(() => checkQuit(type, role))).toBe(expected);
  });

  it("only the owner dismisses from a client, and nobody dismisses Work", () => {
    expect(codeOf(() => checkClientDismiss("Public", "Owner"))).toBe("ok");
    expect(codeOf(() => checkClientDismiss("Public", "Admin"))).toBe(10007);
    expect(codeOf(() => checkClientDismiss("Private", "Owner"))).toBe(10007);
  });

  it("invitations follow the type and InviteJoinOption", () => {
    expect(codeOf(() => checkClientInvite(facts("Private"), "Member"))).toBe("ok");
    expect(codeOf(() => checkClientInvite(facts("Private"), null))).toBe(10007);
    expect(codeOf(() => checkClientInvite(facts("Public"), "Owner"))).toBe(10007); // DisableInvite by default
    expect(codeOf(() => checkClientInvite({ ...facts("Public"), inviteJoinOption: "NeedPermission" }, "Admin"))).toBe("ok");
    expect(codeOf(() => checkClientInvite({ ...facts("Public"), inviteJoinOption: "NeedPermission" }, "Member"))).toBe(10007);
    expect(codeOf(() => checkClientInvite({ ...facts("AVChatRoom"), inviteJoinOption: "FreeAccess" }, "Owner"))).toBe(10007);
  });
});

describe("group IDs", () => {
  it("generates Tencent-shaped IDs", () => {
    const rng = createRng(1);
    for (let i = 0; i < 50; i++) {
      expect(generateGroupId("Public", rng.next)).toMatch(/^@TGS#[A-Z0-9]{9,10}$/);
      expect(generateGroupId("Community", rng.next)).toMatch(/^@TGS#_@TGS#[A-Z0-9]{9,10}$/);
    }
  });

  const ids: [string, GroupType, number | string][] = [
    ["tokyo-react", "Public", "ok"],
    ["with space ~!", "Public", "ok"],
    ["x".repeat(48), "Public", "ok"],
    ["x".repeat(49), "Public", 10004],
    ["@TGS#abc", "Public", 10004],
    ["@TGS#_abc", "Community", "ok"],
    ["@TGS#_", "Community", 10004],
    ["abc", "Community", 10004],
    ["grüße", "Public", 10004],
    ["", "Public", 10004],
  ];
  it.each(ids)("custom ID %j for %s → %s", (id, type, expected) => {
    expect(codeOf(() => checkCustomGroupId(id, type))).toBe(expected);
  });
});

describe("profile changes", () => {
  const group: GroupProfile = {
    type: "Public",
    name: "Old",
    introduction: "",
    notification: "",
    faceUrl: "",
    maxMembers: 100,
    applyJoinOption: "NeedPermission",
    inviteJoinOption: "DisableInvite",
    muteAll: false,
    appDefinedData: [{ Key: "a", Value: "1" }],
  };

  it("keeps only real changes and merges custom data", () => {
    expect(
      parseProfileChanges(
        {
          Name: "Old",
          Introduction: "new",
          AppDefinedData: [
            { Key: "a", Value: "" },
            { Key: "b", Value: "2" },
          ],
        },
        group,
        5,
      ),
    ).toEqual({
      introduction: "new",
      appDefinedData: [{ Key: "b", Value: "2" }],
    });
  });

  it("refuses a limit below the member count, and fixed join options", () => {
    expect(codeOf(() => parseProfileChanges({ MaxMemberNum: 4 }, group, 5))).toBe(10004);
    expect(codeOf(() => parseProfileChanges({ MaxMemberNum: 5 }, group, 5))).toEqual({ maxMembers: 5 });
    for (const type of ["Private", "ChatRoom", "Community", "AVChatRoom"] as GroupType[]) {
      const fixed = { ...group, type, applyJoinOption: TYPE_RULES[type].defaultApplyJoinOption };
      expect(codeOf(() => parseProfileChanges({ ApplyJoinOption: "NeedPermission" }, fixed, 1))).toBe(10007);
      expect(codeOf(() => parseProfileChanges({ ApplyJoinOption: fixed.applyJoinOption }, fixed, 1))).toEqual({});
    }
  });

  it("counts limits in UTF-8 bytes", () => {
    expect(utf8Bytes("東京")).toBe(6);
    expect(utf8Bytes("😀")).toBe(4);
    expect(codeOf(() => parseProfileChanges({ Name: "😀".repeat(25) }, group, 1))).toEqual({ name: "😀".repeat(25) });
    expect(codeOf(() => parseProfileChanges({ Name: `${"😀".repeat(25)}x` }, group, 1))).toBe(10004);
  });
});

describe("group cursor", () => {
  it("round-trips through 64-bit values above 2^53", () => {
    const cursor = encodeGroupCursor(42);
    expect(cursor).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    expect(decodeGroupCursor(cursor.toString())).toBe(42);
    expect(decodeGroupCursor("0")).toBe(0);
    expect(codeOf(() => decodeGroupCursor("42"))).toBe(10004);
  });
});
