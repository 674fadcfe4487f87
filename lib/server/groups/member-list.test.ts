import { afterEach, describe, expect, it, vi } from "vitest";
import type { TestServer } from "@/im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import { listMembersQuerySchema } from "@/lib/schemas/member";
import { publishEvent } from "@/lib/server/live/bus";
import { ApiError } from "@/lib/server/platform/api-error";
import { plainMembers, seedMembers } from "@/lib/server/testing/members";
import { strictConsoleForThisFile } from "@/lib/server/testing/strict-console";
import { forgetMemberCaches } from "./member-cache";
import { listMembers } from "./member-list";

// Searching a group's members (docs/members.md): the console reads the roster from a real local IM server, 6,000
// at a time, and filters it; nicknames and rosters are cached between keystrokes and dropped on membership events.

let im: TestServer;
let gateway: ImGateway;
strictConsoleForThisFile((c) => void ({ im, gateway } = c));
afterEach(() => {
  forgetMemberCaches();
  vi.restoreAllMocks();
});

let seq = 0;
const now = () => Math.floor(Date.now() / 1000);
const FOREVER = 4294967295;

async function newGroup(type: "Public" | "Community" = "Public"): Promise<string> {
  const owner = `owner_${++seq}`;
  await im.rest("im_open_login_svc/account_import", { UserID: owner, Nick: "The Owner" });
  return gateway.createGroup({ type, name: `Readers ${seq}`, ownerId: owner });
}
type Ask = { q?: string; role?: string; muted?: string; cursor?: string; limit?: number };
/** As the route hands it over: the query string through the route's own schema. */
const list = (groupId: string, ask: Ask = {}) =>
  listMembers(groupId, listMembersQuerySchema.parse(Object.fromEntries(Object.entries(ask).filter(([, v]) => v !== undefined))));

describe("searching the members of a group", () => {
  it("finds members by nickname or user ID, in any case and any part, and says how many matched", async () => {
    const groupId = await newGroup();
    seedMembers(im.store, groupId, [
      { userId: "aiko_t", nickname: "Aiko Tanaka" },
      { userId: "ben_k", nickname: "Ben" },
      { userId: "chen", nickname: "陈伟 AIKO fan" },
    ]);
    const page = await list(groupId, { q: "  aiko " });
    expect(page.items.map((m) => m.userId)).toEqual(["aiko_t", "chen"]);
    expect(page.total).toBe(2);
    expect(page.details).toEqual({ partial: false, scanned: 4 });
    expect(page.items[1]).toMatchObject({ nickname: "陈伟 AIKO fan", role: "Member" });
    expect((await list(groupId, { q: "BEN_" })).items.map((m) => m.userId)).toEqual(["ben_k"]);
    expect((await list(groupId, { q: "陈伟" })).total).toBe(1);
    expect((await list(groupId, { q: "nobody" })).items).toEqual([]);
  });

  it("filters by role and by mute, and shows when each mute ends (null: forever; none when not muted)", async () => {
    const groupId = await newGroup();
    const inAnHour = now() + 3600;
    seedMembers(im.store, groupId, [
      { userId: "mod_1", role: "Admin" },
      { userId: "loud_1", muteUntil: inAnHour },
      { userId: "loud_2", muteUntil: FOREVER },
      { userId: "quiet_1" },
    ]);
    expect((await list(groupId, { role: "Admin" })).items.map((m) => m.userId)).toEqual(["mod_1"]);
    expect((await list(groupId, { role: "Owner" })).items).toHaveLength(1);
    const muted = await list(groupId, { muted: "true" });
    expect(muted.items.map((m) => [m.userId, m.mutedUntil])).toEqual([
      ["loud_1", new Date(inAnHour * 1000).toISOString()],
      ["loud_2", null],
    ]);
    const unmuted = await list(groupId, { muted: "false", role: "Member" });
    expect(unmuted.items.map((m) => m.userId)).toEqual(["quiet_1"]);
    expect("mutedUntil" in unmuted.items[0]).toBe(false);
    // The plain page shows mutes too.
    const plain = await list(groupId);
    expect(plain.details).toBeUndefined();
    expect(plain.items.find((m) => m.userId === "loud_2")?.mutedUntil).toBeNull();
  });

  it("pages through the matches with a cursor that belongs to its search", async () => {
    const groupId = await newGroup();
    seedMembers(im.store, groupId, plainMembers("page", 130));
    const first = await list(groupId, { q: "member", limit: 50 });
    const second = await list(groupId, { q: "member", limit: 50, cursor: first.nextCursor! });
    const third = await list(groupId, { q: "member", limit: 50, cursor: second.nextCursor! });
    expect([first.items.length, second.items.length, third.items.length, third.nextCursor]).toEqual([50, 50, 30, null]);
    expect(new Set([...first.items, ...second.items, ...third.items].map((m) => m.userId)).size).toBe(130);
    // Another search's cursor, the plain list's, or a forged one, start nothing: 400 badCursor.
    for (const cursor of [first.nextCursor!, "bm90IGpzb24", Buffer.from('{"v":-5,"f":"x"}').toString("base64url")]) {
      const err = await list(groupId, { q: "page_1", cursor }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(400);
    }
    // A forged plain-list position: past what any group holds, or a Community cursor for a group paged by offset.
    for (const v of [2 ** 40, "forged-next"]) {
      const forged = Buffer.from(JSON.stringify({ v })).toString("base64url");
      expect(((await list(groupId, { cursor: forged }).catch((e) => e)) as ApiError).status).toBe(400);
    }
    const plainCursor = (await list(groupId, { limit: 10 })).nextCursor!;
    expect(((await list(groupId, { q: "member", cursor: plainCursor }).catch((e) => e)) as ApiError).status).toBe(400);
  });
});

describe("a Community's own cursor", () => {
  it("pages the plain list by the IM server's Next; a forged one is 400, not the IM server's error", async () => {
    const groupId = await newGroup("Community");
    seedMembers(im.store, groupId, plainMembers("next", 120));
    const first = await list(groupId, { limit: 100 });
    const second = await list(groupId, { limit: 100, cursor: first.nextCursor! });
    expect([first.items.length, second.items.length, second.nextCursor]).toEqual([100, 21, null]);
    for (const v of ["not-a-next", 5]) {
      const forged = Buffer.from(JSON.stringify({ v })).toString("base64url");
      const err = (await list(groupId, { cursor: forged }).catch((e) => e)) as ApiError;
      expect([err.status, err.code]).toEqual([400, "bad_request"]);
    }
  });
});

describe("groups past 20,000 members", () => {
  it.each(["Public", "Community"] as const)(
    "a %s group of 20,050 is searched in its first 20,000, and the page says so",
    async (type) => {
      const groupId = await newGroup(type);
      seedMembers(im.store, groupId, plainMembers(`big${type}`, 20_049));
      const page = await list(groupId, { q: "member 2000" });
      expect(page.details).toEqual({ partial: true, scanned: 20_000 });
      // The owner and members 1–19,999 were searched; 20,000–20,049 joined later, past what is searched.
      expect(page.items.map((m) => m.nickname)).toEqual(["Member 2000"]);
      expect(page.total).toBe(1);
    },
    60_000,
  );

  it("a group of exactly 20,000 is searched whole", async () => {
    const groupId = await newGroup("Community");
    seedMembers(im.store, groupId, plainMembers("exact", 19_999));
    expect((await list(groupId, { role: "Member" })).details).toEqual({ partial: false, scanned: 20_000 });
  }, 60_000);
});

describe("what searching costs", () => {
  it("a second search of the same group asks the IM server for the roster again only after a membership change", async () => {
    const groupId = await newGroup();
    seedMembers(im.store, groupId, plainMembers("cache", 300));
    const rosterReads = vi.spyOn(gateway, "listMembers");
    const profileReads = vi.spyOn(gateway, "getProfiles");
    await list(groupId, { q: "member 1" });
    expect(profileReads).toHaveBeenCalledTimes(4); // 301 people, 100 a call
    await list(groupId, { q: "member 2" });
    await list(groupId, { q: "cache_3", role: "Member" });
    expect([rosterReads.mock.calls.length, profileReads.mock.calls.length]).toEqual([1, 4]);

    seedMembers(im.store, groupId, [{ userId: "newcomer", nickname: "Member New" }], 1_800_000_000);
    publishEvent({ type: "member.joined", groupId, userId: "newcomer" });
    const after = await list(groupId, { q: "member new" });
    expect(after.items.map((m) => m.userId)).toEqual(["newcomer"]);
    // The roster again; one profile call for the newcomer alone (the others' nicknames are still known).
    expect([rosterReads.mock.calls.length, profileReads.mock.calls.length]).toEqual([2, 5]);
  });
});

describe("groups without a member list", () => {
  it("an AVChatRoom is refused with noMemberList, an unknown group is 404", async () => {
    const owner = `owner_${++seq}`;
    await im.rest("im_open_login_svc/account_import", { UserID: owner });
    const av = await gateway.createGroup({ type: "AVChatRoom", name: "Live", ownerId: owner });
    const refused = (await list(av, { q: "x" }).catch((e) => e)) as ApiError;
    expect([refused.status, refused.code]).toEqual([422, "validation"]);
    expect(((await list("@TGS#no-such-group").catch((e) => e)) as ApiError).status).toBe(404);
  });
});
