// The simulator's chatter and the demo seed's messages: the console always has messages to show, and
// simulated people are held to mutes and bans like real ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAT_PHRASES, SPAMMER } from "../src/seed/demo-chat";
import { simulateChat } from "../src/services/simulator-chat";
import { type TestServer, createGroup, importAccounts, startServer } from "./helpers";

/** A random source that answers the given values in turn, then 0.5. */
const script =
  (...values: number[]) =>
  () =>
    values.shift() ?? 0.5;

describe("simulated chatter", () => {
  let server: TestServer;
  let room: string;
  const g = (command: string, body: Record<string, unknown>) => server.rest(`group_open_http_svc/${command}`, body);

  beforeAll(async () => {
    server = await startServer();
    await importAccounts(server, "owner", "aiko");
    room = await createGroup(server, { Type: "ChatRoom", Name: "Room", Owner_Account: "owner", MemberList: [{ Member_Account: "aiko" }] });
  });
  afterAll(() => server.close());

  it("has a member say a short phrase, stored as a group message", async () => {
    const what = await simulateChat(server.app.im, script(0.9));
    expect(what).toMatch(/said/);
    const read = await g("group_msg_get_simple", { GroupId: room, ReqMsgNumber: 1 });
    const [message] = read.RspMsgList as { MsgBody: { MsgContent: { Text: string } }[] }[];
    expect(CHAT_PHRASES).toContain(message.MsgBody[0].MsgContent.Text);
  });

  it("skips a muted speaker: the send is refused and nothing is stored", async () => {
    await g("forbid_send_msg", { GroupId: room, Members_Account: ["owner", "aiko"], MuteTime: 600 });
    const before = server.store.messages.count(room);
    expect(await simulateChat(server.app.im, script(0.9))).toMatch(/^refused 10017/);
    expect(server.store.messages.count(room)).toBe(before);
    await g("forbid_send_msg", { GroupId: room, Members_Account: ["owner", "aiko"], MuteTime: 0 });
  });

  it("lets the spammer join a free group and post a link, until it is banned", async () => {
    expect(await simulateChat(server.app.im, script(0))).toMatch(new RegExp(`^${SPAMMER.userId} said ".*http://spam\\.example`));
    expect(server.store.members.role(room, SPAMMER.userId)).toBe("Member");
    await g("ban_group_member", { GroupId: room, Members_Account: [SPAMMER.userId], Duration: 3600 });
    expect(await simulateChat(server.app.im, script(0))).toMatch(/^refused 10007/);
  });
});

describe("demo seed messages", () => {
  it("gives every demo group that keeps history a few messages", async () => {
    const server = await startServer({ demo: true });
    try {
      const read = await server.rest("group_open_http_svc/group_msg_get_simple", { GroupId: "tokyo-react", ReqMsgNumber: 20 });
      expect((read.RspMsgList as unknown[]).length).toBeGreaterThanOrEqual(3);
      const sent = await server.rest("group_open_http_svc/send_group_msg", {
        GroupId: "tokyo-react",
        Random: 1,
        MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: "next" } }],
      });
      expect(sent.MsgSeq).toBe((read.RspMsgList as { MsgSeq: number }[])[0].MsgSeq + 1);
    } finally {
      await server.close();
    }
  });
});
