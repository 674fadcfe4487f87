import { describe, expect, it, vi } from "vitest";
import { DELETE as unbanRoute } from "@/app/api/groups/[id]/bans/[userId]/route";
import { GET as bansGet, POST as bansPost } from "@/app/api/groups/[id]/bans/route";
import type { SessionUser } from "@/lib/schemas/user";
import { moderationConsole, type ModerationConsole } from "@/lib/server/testing/moderation-console";
import { jsonRequest } from "@/lib/server/testing/rules";

// Bans through the real routes and gateway, against a local IM server behaving exactly like Tencent
// (docs/contracts.md § Mutes, bans and messages): 20 users per IM call, the reason kept by the console, the
// member count kept right, and an IM edition without bans said once and remembered.
const me: SessionUser = { id: "7", email: "mod@console.test", name: "Mod", role: "moderator" };
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));

let c: ModerationConsole;
const at = (id: string, userId?: string) => ({ params: Promise.resolve({ id, ...(userId ? { userId } : {}) }) });
const ban = (groupId: string, body: unknown) => bansPost(jsonRequest(`/api/groups/${groupId}/bans`, "POST", body), at(groupId));
const unban = (groupId: string, userId: string) =>
  unbanRoute(jsonRequest(`/api/groups/${groupId}/bans/${encodeURIComponent(userId)}`, "DELETE"), at(groupId, userId));
const listed = async (groupId: string) => (await bansGet(jsonRequest(`/api/groups/${groupId}/bans`, "GET"), at(groupId))).json();
const audit = (groupId: string) =>
  c.db.all<{ action: string; target: string; result: string }>("SELECT action, target, result FROM audit WHERE group_id = ? ORDER BY id", [
    groupId,
  ]);
const sent = (command: string) => c.commands.filter((x) => x === command).length;
const memberCount = async (groupId: string) =>
  (await c.db.get<{ n: number }>("SELECT member_count AS n FROM directory_groups WHERE id = ?", [groupId]))?.n;

describe("banning, where the IM edition has bans", () => {
  moderationConsole({}, (started) => void (c = started));

  it("bans 45 members in three IM calls of at most 20, removes them, keeps the reason, audits once, tells every console", async () => {
    const { groupId, members } = await c.group("Public", 45);
    expect(await memberCount(groupId)).toBe(undefined);
    c.commands.length = 0;
    c.events.length = 0;

    const res = await ban(groupId, { userIds: members, seconds: 3600, reason: "spam ring" });

    expect(res.status).toBe(200);
    expect((await res.json()).results).toEqual(members.map((userId) => ({ userId, ok: true })));
    expect(sent("ban_group_member")).toBe(3);
    const { items, available } = await listed(groupId);
    expect(available).toBe(true);
    expect(items).toHaveLength(45);
    expect(items[0]).toEqual({ userId: expect.any(String), nickname: "", until: expect.any(String), reason: "spam ring" });
    // Only the owner is left, and the directory says so.
    expect(await memberCount(groupId)).toBe(1);
    expect(await audit(groupId)).toEqual([{ action: "member.ban", target: members.join(","), result: "ok" }]);
    // Many users: one event for the group stands for them all.
    expect(c.events.filter((e) => e.type === "member.banned").map((e) => [e.groupId, e.userId])).toEqual([[groupId, undefined]]);
  });

  it("a ban of an unknown ID or of the owner is refused for that user only; a ban forever lists until null", async () => {
    const { groupId, owner, members } = await c.group("Public", 1);
    const res = await ban(groupId, { userIds: ["nobody_here", owner, members[0]], seconds: 4294967295 });
    expect((await res.json()).results).toEqual([
      { userId: "nobody_here", ok: false, error: expect.objectContaining({ code: "unknown_user" }) },
      { userId: owner, ok: false, error: expect.objectContaining({ code: "validation" }) },
      { userId: members[0], ok: true },
    ]);
    expect((await listed(groupId)).items).toEqual([{ userId: members[0], nickname: "", until: null, reason: null }]);
  });

  it("lifting a ban is 204, audited, and the console's note goes with it; a ban made elsewhere lists without a reason", async () => {
    const { groupId, members } = await c.group("Public", 2);
    await ban(groupId, { userIds: [members[0]], seconds: 600, reason: "rude" });
    await c.im.rest("group_open_http_svc/ban_group_member", { GroupId: groupId, Members_Account: [members[1]], Duration: 600 });
    expect((await listed(groupId)).items.map((b: { userId: string; reason: string | null }) => [b.userId, b.reason]).sort()).toEqual(
      [
        [members[0], "rude"],
        [members[1], null],
      ].sort(),
    );

    const res = await unban(groupId, members[0]);
    expect(res.status).toBe(204);
    expect((await listed(groupId)).items.map((b: { userId: string }) => b.userId)).toEqual([members[1]]);
    expect(await c.db.all("SELECT * FROM ban_notes WHERE group_id = ?", [groupId])).toEqual([]);
    expect((await audit(groupId)).map((a) => [a.action, a.target, a.result])).toEqual([
      ["member.ban", members[0], "ok"],
      ["member.unban", members[0], "ok"],
    ]);
  });

  it("a ban the IM server made stands when the console cannot keep its note: audited as made, the missing notes named", async () => {
    const { groupId, members } = await c.group("Public", 2);
    c.events.length = 0;
    // The console's own table of reasons cannot be written (a store in trouble), after the IM server banned them.
    await c.db.run("ALTER TABLE ban_notes RENAME TO ban_notes_away");
    const res = await ban(groupId, { userIds: members, seconds: 60, reason: "spam" }).finally(() =>
      c.db.run("ALTER TABLE ban_notes_away RENAME TO ban_notes"),
    );

    expect(res.status).toBe(200);
    expect((await res.json()).results).toEqual(members.map((userId) => ({ userId, ok: true })));
    const entry = await c.db.get<{ result: string; after: string }>("SELECT result, after FROM audit WHERE group_id = ?", [groupId]);
    expect(entry?.result).toBe("ok");
    expect(JSON.parse(entry!.after)).toMatchObject({ reason: "spam", results: [], notesNotKept: members });
    // Banned indeed, and out of the group; listed without the reason the console could not keep.
    expect((await listed(groupId)).items.map((b: { userId: string; reason: unknown }) => [b.userId, b.reason])).toEqual(
      members.map((m) => [m, null]),
    );
    expect(await memberCount(groupId)).toBe(1);
    expect(c.events.filter((e) => e.type === "member.banned")).toHaveLength(2);
  });

  it.each([
    ["over 100 users", () => ({ userIds: Array.from({ length: 101 }, (_, i) => `u${i}`), seconds: 60 })],
    ["seconds 0 (a ban cannot lift itself)", (u: string) => ({ userIds: [u], seconds: 0 })],
    ["seconds beyond uint32", (u: string) => ({ userIds: [u], seconds: 4294967296 })],
    ["the same user twice", (u: string) => ({ userIds: [u, u], seconds: 60 })],
    ["a reason over 200 characters", (u: string) => ({ userIds: [u], seconds: 60, reason: "x".repeat(201) })],
  ])("%s is a 422 in the error contract, and nothing reaches the IM server", async (_, body) => {
    const { groupId, members } = await c.group("Public", 1);
    c.commands.length = 0;
    const res = await ban(groupId, body(members[0]));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: "validation", message: expect.any(String) });
    expect(c.commands).toEqual([]);
    expect(await memberCount(groupId)).toBe(undefined);
  });

  it("lifting a ban for a user ID that cannot exist is a 422; for a group that does not, 404", async () => {
    const { groupId } = await c.group("Public", 0);
    c.commands.length = 0;
    expect((await unban(groupId, "has space")).status).toBe(422);
    expect(c.commands).toEqual([]);
    expect((await unban("no_such_group", "u1")).status).toBe(404);
  });
});

describe("banning, where the IM edition has no bans", () => {
  moderationConsole({ banEnabled: false }, (started) => void (c = started));

  it("the first ban says so (422, why), then the console remembers: no more IM calls, the list answers available: false", async () => {
    const { groupId, members } = await c.group("Public", 1);
    const first = await ban(groupId, { userIds: members, seconds: 60 });
    expect(first.status).toBe(422);
    expect((await first.json()).error).toMatchObject({
      code: "validation",
      message: expect.stringContaining("no bans"),
      details: { reason: { key: "bansUnavailable" } },
    });
    expect(await audit(groupId)).toEqual([{ action: "member.ban", target: members[0], result: "validation" }]);

    c.commands.length = 0;
    expect((await ban(groupId, { userIds: members, seconds: 60 })).status).toBe(422);
    expect(await listed(groupId)).toEqual({ items: [], available: false });
    const lift = await unban(groupId, members[0]);
    expect(lift.status).toBe(422);
    expect((await lift.json()).error.details.reason.key).toBe("bansUnavailable");
    expect(sent("ban_group_member") + sent("get_group_ban_member") + sent("unban_group_member")).toBe(0);
  });
});
