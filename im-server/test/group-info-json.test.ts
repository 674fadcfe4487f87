// A whole get_group_info answer takes each member list as JSON text written by SQLite (http/group-info.ts); a
// filtered one builds members as objects. Both must say the same thing, and the text must follow every change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupInfoAnswer } from "../src/http/group-info";
import type { GroupInfoFilters } from "../src/http/wire";
import { SDKAPPID, type TestServer, createGroup, importAccounts, startServer } from "./helpers";

const WHOLE: GroupInfoFilters = {
  hasFilter: false,
  base: undefined,
  members: undefined,
  groupDataKeys: undefined,
  memberDataKeys: undefined,
};
const TRICKY = 'quote " backslash \\ newline \n tab \t bell \u0007 名札 😀 </script>';

type Item = { GroupId: string; ErrorCode: number; MemberNum?: number; MemberList?: Record<string, unknown>[] };

describe("get_group_info's whole answer, member lists written by SQLite", () => {
  let server: TestServer;
  const info = async (ids: string[]) => (await server.rest("group_open_http_svc/get_group_info", { GroupIdList: ids })).GroupInfo as Item[];
  const both = (ids: string[], now: number) => ({
    spliced: JSON.parse(groupInfoAnswer(server.store, ids, SDKAPPID, now, WHOLE, true).toString()) as unknown,
    built: JSON.parse(groupInfoAnswer(server.store, ids, SDKAPPID, now, WHOLE, false).toString()) as unknown,
  });

  beforeAll(async () => {
    server = await startServer({ demo: true });
  });
  afterAll(() => server.close());

  it("says the same as the member-by-member answer for every demo group, odd names, custom data and mutes included", () => {
    const { store } = server;
    const ids = store.db.prepare("SELECT group_id FROM groups WHERE dismissed_at IS NULL ORDER BY seq").pluck().all() as string[];
    expect(ids.length).toBeGreaterThan(30);
    const now = Math.floor(Date.now() / 1000);
    const [first, second] = ids.filter((id) => store.members.count(id) > 3 && store.groups.get(id)?.type !== "AVChatRoom");
    const [a, b, c] = store.members.userIds(first);
    store.tx(() => {
      store.members.update(first, a, { nameCard: TRICKY, msgFlag: "AcceptNotNotify", data: [{ Key: "k", Value: TRICKY }] });
      store.members.setMute(first, b, now + 600); // still muted: MuteUntil shows it
      store.members.setMute(first, c, now - 600); // run out: MuteUntil shows 0
    });
    for (let i = 0; i < ids.length; i += 50) {
      const { spliced, built } = both([...ids.slice(i, i + 50), "missing"], now);
      expect(spliced).toEqual(built);
      expect(JSON.stringify(spliced)).toBe(JSON.stringify(built)); // the same key order too
    }
    const [item] = (both([first, second], now).spliced as { GroupInfo: Item[] }).GroupInfo;
    const byId = new Map(item.MemberList!.map((m) => [m.Member_Account, m]));
    expect(byId.get(a)).toMatchObject({
      NameCard: TRICKY,
      MsgFlag: "AcceptNotNotify",
      AppMemberDefinedData: [{ Key: "k", Value: TRICKY }],
    });
    expect(byId.get(b)?.MuteUntil).toBe(now + 600);
    expect(byId.get(c)?.MuteUntil).toBe(0);
  });

  it("shows every member change in the next answer: joins, leaves, name cards, roles, mutes", async () => {
    await importAccounts(server, "u_story_owner", "u_story_a", "u_story_b", "u_story_c");
    const groupId = await createGroup(server, {
      Type: "Public",
      Name: "Story",
      Owner_Account: "u_story_owner",
      MemberList: [{ Member_Account: "u_story_a" }],
    });
    const members = async () => (await info([groupId]))[0].MemberList!;
    const g = (command: string, body: Record<string, unknown>) =>
      server.rest(`group_open_http_svc/${command}`, { GroupId: groupId, ...body });
    expect((await members()).map((m) => m.Member_Account)).toEqual(["u_story_owner", "u_story_a"]);

    await g("add_group_member", { MemberList: [{ Member_Account: "u_story_b" }, { Member_Account: "u_story_c" }] });
    expect((await members()).map((m) => m.Member_Account)).toEqual(["u_story_owner", "u_story_a", "u_story_b", "u_story_c"]);

    await g("modify_group_member_info", { Member_Account: "u_story_b", NameCard: "名札 B", Role: "Admin" });
    expect((await members()).find((m) => m.Member_Account === "u_story_b")).toMatchObject({ NameCard: "名札 B", Role: "Admin" });

    await g("forbid_send_msg", { Members_Account: ["u_story_c"], MuteTime: 3600 });
    expect((await members()).find((m) => m.Member_Account === "u_story_c")!.MuteUntil).toBeGreaterThan(Date.now() / 1000);

    await g("delete_group_member", { MemberToDel_Account: ["u_story_a"] });
    const [item] = await info([groupId]);
    expect(item.MemberList!.map((m) => m.Member_Account)).toEqual(["u_story_owner", "u_story_b", "u_story_c"]);
    expect(item.MemberNum).toBe(3);
  });

  it("answers an unknown ID with its per-item error and an AVChatRoom without a member list, as before", async () => {
    await importAccounts(server, "u_story_live");
    const live = await createGroup(server, { Type: "AVChatRoom", Name: "Live", Owner_Account: "u_story_live" });
    const [missing, room] = await info(["no-such-group", live]);
    expect(missing).toMatchObject({ GroupId: "no-such-group", ErrorCode: 10010 });
    expect(room).toMatchObject({ GroupId: live, ErrorCode: 0, MemberNum: 1 });
    expect(room.MemberList).toBeUndefined();
  });
});
