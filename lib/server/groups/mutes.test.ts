import { describe, expect, it, vi } from "vitest";
import { GET as mutesGet, POST as mutesPost } from "@/app/api/groups/[id]/mutes/route";
import type { SessionUser } from "@/lib/schemas/user";
import { moderationConsole, type ModerationConsole } from "@/lib/server/testing/moderation-console";
import { jsonRequest } from "@/lib/server/testing/rules";
import { mutedUntilByUser } from "./mutes";

// Mutes through the real routes and gateway, against a local IM server behaving exactly like Tencent
// (docs/contracts.md § Mutes, bans and messages): members only, a result per user, Work groups refused, every
// bad input a 4xx in the error contract with nothing sent to the IM server.
const me: SessionUser = { id: "7", email: "mod@console.test", name: "Mod", role: "moderator" };
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));

let c: ModerationConsole;
moderationConsole({}, (started) => void (c = started));

const at = (id: string) => ({ params: Promise.resolve({ id }) });
const mute = (groupId: string, body: unknown) => mutesPost(jsonRequest(`/api/groups/${groupId}/mutes`, "POST", body), at(groupId));
const listed = async (groupId: string) => (await mutesGet(jsonRequest(`/api/groups/${groupId}/mutes`, "GET"), at(groupId))).json();
const audit = (groupId: string) =>
  c.db.all<{ action: string; target: string; result: string; after: string }>(
    "SELECT action, target, result, after FROM audit WHERE group_id = ? ORDER BY id",
    [groupId],
  );
const sent = (command: string) => c.commands.filter((x) => x === command).length;

describe("muting members", () => {
  it("mutes the members, tells apart outsiders and unknown IDs, audits once and tells every console", async () => {
    const { groupId, members } = await c.group("Public", 2);
    const [outsider] = await c.users(1);
    c.events.length = 0;

    const res = await mute(groupId, { userIds: [members[0], outsider, "nobody_here", members[1]], seconds: 600, reason: "flooding" });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      results: [
        { userId: members[0], ok: true },
        { userId: outsider, ok: false, error: { code: "not_member", message: expect.any(String) } },
        { userId: "nobody_here", ok: false, error: { code: "unknown_user", message: expect.any(String) } },
        { userId: members[1], ok: true },
      ],
    });
    const { items } = await listed(groupId);
    expect(items.map((m: { userId: string }) => m.userId).sort()).toEqual([...members].sort());
    const until = Date.parse(items[0].until);
    expect(until).toBeGreaterThan(Date.now() + 590_000);
    expect(until).toBeLessThan(Date.now() + 610_000);
    const [entry] = await audit(groupId);
    expect(entry).toMatchObject({ action: "member.mute", target: `${members[0]},${members[1]}`, result: "ok" });
    expect(JSON.parse(entry.after)).toMatchObject({ seconds: 600, reason: "flooding" });
    expect(c.events.filter((e) => e.type === "member.muted").map((e) => [e.groupId, e.userId])).toEqual([
      [groupId, members[0]],
      [groupId, members[1]],
    ]);
  });

  it("4294967295 seconds is forever (until null); 0 lifts the mute, audited as member.unmute", async () => {
    const { groupId, members } = await c.group("Public", 1);
    await mute(groupId, { userIds: members, seconds: 4294967295 });
    expect((await listed(groupId)).items).toEqual([{ userId: members[0], nickname: "", until: null }]);
    expect(await mutedUntilByUser(groupId)).toEqual(new Map([[members[0], null]]));

    expect((await mute(groupId, { userIds: members, seconds: 0 })).status).toBe(200);
    expect((await listed(groupId)).items).toEqual([]);
    expect((await audit(groupId)).map((a) => a.action)).toEqual(["member.mute", "member.unmute"]);
  });

  it("when nobody named is a member, nothing is sent and nothing is audited", async () => {
    const { groupId } = await c.group("Public", 1);
    const [outsider] = await c.users(1);
    c.commands.length = 0;
    const res = await mute(groupId, { userIds: [outsider], seconds: 60 });
    expect((await res.json()).results).toEqual([{ userId: outsider, ok: false, error: expect.objectContaining({ code: "not_member" }) }]);
    expect(sent("forbid_send_msg")).toBe(0);
    expect(await audit(groupId)).toEqual([]);
  });

  it("a Work group cannot mute: 422 saying why, before any mute is sent", async () => {
    const { groupId, members } = await c.group("Work", 1);
    c.commands.length = 0;
    const res = await mute(groupId, { userIds: members, seconds: 60 });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error).toMatchObject({
      code: "validation",
      message: expect.stringContaining("Work groups"),
      details: { reason: { key: "workNoMute" } },
    });
    expect(sent("forbid_send_msg")).toBe(0);
    expect(await audit(groupId)).toEqual([]);
  });

  it.each([
    ["seconds beyond uint32", (u: string) => ({ userIds: [u], seconds: 4294967296 })],
    ["negative seconds", (u: string) => ({ userIds: [u], seconds: -1 })],
    ["fractional seconds", (u: string) => ({ userIds: [u], seconds: 1.5 })],
    ["over 500 accounts", () => ({ userIds: Array.from({ length: 501 }, (_, i) => `u${i}`), seconds: 60 })],
    ["no accounts", () => ({ userIds: [], seconds: 60 })],
    ["the same account twice", (u: string) => ({ userIds: [u, u], seconds: 60 })],
    ["an ID with a space", () => ({ userIds: ["a b"], seconds: 60 })],
    ["a reason over 200 characters", (u: string) => ({ userIds: [u], seconds: 60, reason: "x".repeat(201) })],
    ["an unknown field", (u: string) => ({ userIds: [u], seconds: 60, forever: true })],
  ])("%s is a 422 in the error contract, and nothing reaches the IM server", async (_, body) => {
    const { groupId, members } = await c.group("Public", 1);
    c.commands.length = 0;
    const res = await mute(groupId, body(members[0]));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: "validation", message: expect.any(String) });
    expect(c.commands).toEqual([]);
    expect((await listed(groupId)).items).toEqual([]);
  });

  it("a group that does not exist is 404 for the list and for a mute", async () => {
    expect((await mute("no_such_group", { userIds: ["u1"], seconds: 60 })).status).toBe(404);
    const res = await mutesGet(jsonRequest("/api/groups/no_such_group/mutes", "GET"), at("no_such_group"));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });
});
