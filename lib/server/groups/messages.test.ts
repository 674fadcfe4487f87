import { describe, expect, it, vi } from "vitest";
import { seedGroupMessages } from "@/im-server/src/store/seed-messages";
import { POST as purgeRoute } from "@/app/api/groups/[id]/messages/purge/route";
import { POST as recallRoute } from "@/app/api/groups/[id]/messages/recall/route";
import { GET as messagesGet } from "@/app/api/groups/[id]/messages/route";
import type { GroupMessage } from "@/lib/schemas/moderation";
import type { SessionUser } from "@/lib/schemas/user";
import { moderationConsole, type ModerationConsole } from "@/lib/server/testing/moderation-console";
import { jsonRequest } from "@/lib/server/testing/rules";

// A group's messages through the real routes and gateway, against a local IM server behaving exactly like
// Tencent (docs/contracts.md § Mutes, bans and messages): paged back by seq, a sender's within the newest 1,000,
// recalled by seq (never what is not there) and purged by sender (never on an AVChatRoom, where Tencent would
// silently do nothing).
const me: SessionUser = { id: "7", email: "mod@console.test", name: "Mod", role: "moderator" };
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));

let c: ModerationConsole;
moderationConsole({}, (started) => void (c = started));

const at = (id: string) => ({ params: Promise.resolve({ id }) });
const read = (groupId: string, query = "") =>
  messagesGet(jsonRequest(`/api/groups/${encodeURIComponent(groupId)}/messages?${query}`, "GET"), at(groupId));
const page = async (groupId: string, query = "") => {
  const res = await read(groupId, query);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
  return res.json() as Promise<{ items: GroupMessage[]; nextCursor: string | null; details?: { partial: boolean; scanned: number } }>;
};
const recall = (groupId: string, body: unknown) =>
  recallRoute(jsonRequest(`/api/groups/${groupId}/messages/recall`, "POST", body), at(groupId));
const purge = (groupId: string, body: unknown) =>
  purgeRoute(jsonRequest(`/api/groups/${groupId}/messages/purge`, "POST", body), at(groupId));
const audit = (groupId: string) =>
  c.db.all<{ action: string; target: string; result: string }>("SELECT action, target, result FROM audit WHERE group_id = ? ORDER BY id", [
    groupId,
  ]);
const sent = (command: string) => c.commands.filter((x) => x === command).length;

/** A Public group where ann and bob take turns saying "n" for n = 1..count (seq n). */
async function chatter(count: number) {
  const { groupId, members } = await c.group("Public", 2);
  const [ann, bob] = members;
  seedGroupMessages(c.im.store, [groupId], count, { senders: [ann, bob], texts: Array.from({ length: count }, (_, i) => `${i + 1}`) });
  return { groupId, ann, bob };
}

describe("reading a group's messages", () => {
  it("newest first, paged back by seq to the first message, with sender, time and text", async () => {
    const { groupId, ann, bob } = await chatter(25);
    const first = await page(groupId, "limit=10");
    expect(first.items.map((m) => m.seq)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(first.items[0]).toEqual({ seq: 25, senderId: ann, senderNickname: "", sentAt: expect.any(String), text: "25", recalled: false });
    expect(first.items[1].senderId).toBe(bob);
    const second = await page(groupId, `limit=10&cursor=${first.nextCursor}`);
    expect(second.items.map((m) => m.seq)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
    const last = await page(groupId, `limit=10&cursor=${second.nextCursor}`);
    expect(last.items.map((m) => m.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(last.nextCursor).toBeNull();
  });

  it("with a sender, only theirs, within the newest 1,000 messages, saying how many were read and that older ones were left out", async () => {
    const { groupId, ann } = await chatter(1030);
    const first = await page(groupId, `sender=${ann}&limit=20`);
    expect(first.items.every((m) => m.senderId === ann)).toBe(true);
    expect(first.items.map((m) => m.seq).slice(0, 3)).toEqual([1029, 1027, 1025]);
    expect(first.details).toEqual({ partial: true, scanned: 40 });
    let cursor = first.nextCursor;
    const seqs = first.items.map((m) => m.seq);
    while (cursor) {
      const next = await page(groupId, `sender=${ann}&limit=20&cursor=${cursor}`);
      seqs.push(...next.items.map((m) => m.seq));
      cursor = next.nextCursor;
    }
    // seqs 31..1030 are the window; ann sent the odd ones.
    expect(seqs).toHaveLength(500);
    expect(Math.min(...seqs)).toBe(31);
  });

  it("in a small group the sender's list is whole (partial: false)", async () => {
    const { groupId, bob } = await chatter(6);
    expect(await page(groupId, `sender=${bob}`)).toMatchObject({ nextCursor: null, details: { partial: false, scanned: 6 } });
  });

  it.each([
    ["garbage", () => "not-a-cursor"],
    ["another list's cursor", () => Buffer.from(JSON.stringify({ v: 40 })).toString("base64url")],
    ["a seq that is not a positive integer", () => Buffer.from(JSON.stringify({ k: "msg", s: -3 })).toString("base64url")],
    [
      "a sender list's cursor without the sender",
      () => Buffer.from(JSON.stringify({ k: "msg", s: 9, f: 1, by: "x" })).toString("base64url"),
    ],
  ])("a cursor that is not ours (%s) is 400 bad_request, before the IM server is asked", async (_, cursor) => {
    const { groupId } = await chatter(3);
    c.commands.length = 0;
    const res = await read(groupId, `cursor=${cursor()}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "bad_request", details: { reason: { key: "badCursor" } } });
    expect(c.commands).toEqual([]);
  });

  it("limit outside 1..20 is 422; an AVChatRoom has no history to read (422, saying why)", async () => {
    const { groupId } = await chatter(3);
    expect((await read(groupId, "limit=21")).status).toBe(422);
    expect((await read(groupId, "limit=0")).status).toBe(422);
    const live = await c.group("AVChatRoom", 0);
    const res = await read(live.groupId);
    expect(res.status).toBe(422);
    expect((await res.json()).error.details.reason.key).toBe("avNoHistory");
  });
});

describe("recalling messages", () => {
  it("recalls by seq, a result per seq; the list shows them recalled; audited; every console told", async () => {
    const { groupId, ann, bob } = await chatter(5);
    c.events.length = 0;
    const res = await recall(groupId, { seqs: [4, 5], reason: "doxxing" });
    expect(await res.json()).toEqual({
      results: [
        { seq: 4, ok: true },
        { seq: 5, ok: true },
      ],
    });
    expect((await page(groupId)).items.map((m) => [m.seq, m.recalled])).toEqual([
      [5, true],
      [4, true],
      [3, false],
      [2, false],
      [1, false],
    ]);
    expect(await audit(groupId)).toEqual([{ action: "message.recall", target: "4,5", result: "ok" }]);
    expect(c.events.filter((e) => e.type === "message.recalled").map((e) => e.userId)).toEqual([bob, ann]);
  });

  it("an unknown or already recalled seq is not sent: on its own a 404 with the results, mixed in a not_found result", async () => {
    const { groupId } = await chatter(3);
    await recall(groupId, { seqs: [2] });
    c.commands.length = 0;

    const none = await recall(groupId, { seqs: [2, 99] });
    expect(none.status).toBe(404);
    expect((await none.json()).error).toMatchObject({
      code: "not_found",
      details: {
        results: [
          { seq: 2, ok: false, error: { code: "not_found", message: expect.stringContaining("already recalled") } },
          { seq: 99, ok: false, error: { code: "not_found", message: expect.stringContaining("no message") } },
        ],
      },
    });
    expect(sent("group_msg_recall")).toBe(0);

    const mixed = await recall(groupId, { seqs: [99, 3] });
    expect((await mixed.json()).results).toEqual([
      { seq: 99, ok: false, error: expect.objectContaining({ code: "not_found" }) },
      { seq: 3, ok: true },
    ]);
    expect(sent("group_msg_recall")).toBe(1);
  });

  it.each([
    ["no seqs", { seqs: [] }],
    ["11 seqs", { seqs: Array.from({ length: 11 }, (_, i) => i + 1) }],
    ["the same seq twice", { seqs: [1, 1] }],
    ["seq 0", { seqs: [0] }],
    ["a fractional seq", { seqs: [1.5] }],
  ])("%s is a 422, nothing sent", async (_, body) => {
    const { groupId } = await chatter(3);
    c.commands.length = 0;
    expect((await recall(groupId, body)).status).toBe(422);
    expect(c.commands).toEqual([]);
  });
});

describe("purging a sender's messages", () => {
  it("recalls everything they sent (silently), audited as message.purge", async () => {
    const { groupId, ann } = await chatter(6);
    const res = await purge(groupId, { senderId: ann });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    const items = (await page(groupId)).items;
    expect(items.filter((m) => m.recalled).map((m) => m.seq)).toEqual([5, 3, 1]);
    expect(await audit(groupId)).toEqual([{ action: "message.purge", target: ann, result: "ok" }]);
  });

  it("on an AVChatRoom it is refused (422, saying Tencent would do nothing); an unknown sender is 404; nothing sent", async () => {
    const live = await c.group("AVChatRoom", 0);
    const { groupId } = await chatter(1);
    c.commands.length = 0;
    const refused = await purge(live.groupId, { senderId: "anyone" });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatchObject({ code: "validation", details: { reason: { key: "avNoPurge" } } });
    expect((await purge(groupId, { senderId: "nobody_here" })).status).toBe(404);
    expect((await purge(groupId, { senderId: "" })).status).toBe(422);
    expect(sent("delete_group_msg_by_sender")).toBe(0);
    expect(await audit(live.groupId)).toEqual([]);
  });
});
