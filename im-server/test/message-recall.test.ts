// Taking messages back over HTTP: recall by seq (members and the app are told), the silent purge of
// one sender's recent messages, AVChatRoom's lack of history, and the after-send webhook switch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedGroupMessages } from "../src/store/seed-messages";
import {
  type CallbackReceiver,
  type TestServer,
  createGroup,
  importAccounts,
  recordEvents,
  startReceiver,
  startServer,
  waitFor,
} from "./helpers";

type Item = Record<string, unknown>;

describe("recall and purge", () => {
  let server: TestServer;
  let receiver: CallbackReceiver;
  const g = (command: string, body: Record<string, unknown>) => server.rest(`group_open_http_svc/${command}`, body);
  const send = async (groupId: string, text: string, from = "aiko") =>
    (
      await g("send_group_msg", {
        GroupId: groupId,
        From_Account: from,
        Random: Math.floor(Math.random() * 1e9),
        MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }],
      })
    ).MsgSeq as number;
  const seqs = async (groupId: string, withRecalled = 0) =>
    ((await g("group_msg_get_simple", { GroupId: groupId, ReqMsgNumber: 20, WithRecalledMsg: withRecalled })).RspMsgList as Item[]).map(
      (m) => [m.MsgSeq, m.IsPlaceMsg],
    );
  let club: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startServer({ callbackUrl: receiver.url });
    await importAccounts(server, "owner", "aiko", "bo", "spammer");
    club = await createGroup(server, {
      Type: "Public",
      Name: "Club",
      Owner_Account: "owner",
      MemberList: [{ Member_Account: "aiko" }, { Member_Account: "bo" }, { Member_Account: "spammer" }],
    });
  });
  afterAll(async () => {
    await server.close();
    await receiver.close();
  });

  it("recalls by seq: 0 per recalled seq, 10030 for an unknown or already recalled one; members and the app are told", async () => {
    const bo = await server.client("bo");
    const events = recordEvents(bo);
    const first = await send(club, "oops");
    const second = await send(club, "fine");
    const answer = await g("group_msg_recall", { GroupId: club, MsgSeqList: [{ MsgSeq: first }, { MsgSeq: 999 }], Reason: "wrong group" });
    expect(answer).toMatchObject({
      ErrorCode: 0,
      RecallRetList: [
        { MsgSeq: first, RetCode: 0 },
        { MsgSeq: 999, RetCode: 10030 },
      ],
    });
    const revoked = await waitFor(() => events.find((e) => e.name === "onRecvMessageRevoked"));
    expect(revoked.payload).toMatchObject({ groupID: club, seq: first, operateUser: { userID: "administrator" }, reason: "wrong group" });
    const callback = await waitFor(() => receiver.calls.find((c) => c.query.CallbackCommand === "Group.CallbackAfterRecallMsg"));
    expect(callback.body).toMatchObject({
      CallbackCommand: "Group.CallbackAfterRecallMsg",
      Operator_Account: "administrator",
      Type: "Public",
      GroupId: club,
      MsgSeqList: [{ MsgSeq: first, MsgId: expect.any(String) }],
    });
    // Recalling it again: it no longer exists as a message.
    expect((await g("group_msg_recall", { GroupId: club, MsgSeqList: [{ MsgSeq: first }] })).RecallRetList).toEqual([
      { MsgSeq: first, RetCode: 10030 },
    ]);
    // Hidden from history unless asked for, then shown as IsPlaceMsg 2.
    expect(await seqs(club)).toContainEqual([second, 0]);
    expect((await seqs(club)).map(([seq]) => seq)).not.toContain(first);
    expect(await seqs(club, 1)).toContainEqual([first, 2]);
  });

  it.each([
    [{ MsgSeqList: Array.from({ length: 11 }, (_, i) => ({ MsgSeq: i + 1 })) }, 10004],
    [{ MsgSeqList: [] }, 10004],
    [{ MsgSeqList: [{ MsgSeq: 0 }] }, 10004],
    [{ MsgSeqList: [1] }, 10004],
    [{ MsgSeqList: [{ MsgSeq: 1 }], Reason: "x".repeat(101) }, 10004],
    [{ MsgSeqList: [{ MsgSeq: 1 }], Reason: "撤".repeat(34) }, 10004],
  ])("refuses recall request %j with %i and recalls nothing", async (body, code) => {
    const seq = await send(club, "stays");
    expect((await g("group_msg_recall", { GroupId: club, ...body })).ErrorCode).toBe(code);
    expect(await seqs(club)).toContainEqual([seq, 0]);
  });

  it("purges a sender's messages among the latest 1000, silently", async () => {
    const id = await createGroup(server, {
      Type: "Public",
      Name: "Busy",
      Owner_Account: "owner",
      MemberList: [{ Member_Account: "spammer" }, { Member_Account: "bo" }],
    });
    // 1,010 messages alternating spammer / bo: seqs 1–10 are older than the latest 1000.
    expect(seedGroupMessages(server.store, [id], 1010, { senders: ["spammer", "bo"] })).toBe(1010);
    const bo = await server.client("bo");
    const events = recordEvents(bo);
    const callbacksBefore = receiver.calls.length;
    expect((await g("delete_group_msg_by_sender", { GroupId: id, Sender_Account: "spammer" })).ErrorCode).toBe(0);
    const recalled = server.store.db.prepare("SELECT seq FROM group_messages WHERE group_id = ? AND recalled = 1 ORDER BY seq").all(id) as {
      seq: number;
    }[];
    expect(recalled.length).toBe(500);
    expect(recalled[0].seq).toBe(11);
    expect(server.store.messages.get(id, 1)).toMatchObject({ from: "spammer", recalled: false });
    expect((await seqs(id)).map(([seq]) => seq)).toEqual(Array.from({ length: 20 }, (_, i) => 1010 - 2 * i));
    // New messages continue the seeded sequence.
    expect(await send(id, "after the purge", "bo")).toBe(1011);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(events.filter((e) => e.name === "onRecvMessageRevoked")).toEqual([]);
    expect(receiver.calls.slice(callbacksBefore).map((c) => c.query.CallbackCommand)).not.toContain("Group.CallbackAfterRecallMsg");
  });

  it("refuses a purge without Sender_Account (10004) or of an unknown group (10010)", async () => {
    expect((await g("delete_group_msg_by_sender", { GroupId: club })).ErrorCode).toBe(10004);
    expect((await g("delete_group_msg_by_sender", { GroupId: "nope", Sender_Account: "bo" })).ErrorCode).toBe(10010);
  });

  describe("AVChatRoom", () => {
    it("sends with increasing seqs but keeps no history (10007), cannot recall (10033), and ignores a purge", async () => {
      const live = await createGroup(server, { Type: "AVChatRoom", Name: "Live", Owner_Account: "owner" });
      const viewer = await server.client("bo");
      await viewer.joinGroup(live);
      expect(await send(live, "hello live", "owner")).toBe(1);
      expect((await viewer.sendGroupTextMessage(live, "hi")).seq).toBe(2);
      expect((await g("group_msg_get_simple", { GroupId: live, ReqMsgNumber: 5 })).ErrorCode).toBe(10007);
      expect((await g("group_msg_recall", { GroupId: live, MsgSeqList: [{ MsgSeq: 1 }] })).ErrorCode).toBe(10033);
      expect(await g("delete_group_msg_by_sender", { GroupId: live, Sender_Account: "owner" })).toMatchObject({ ErrorCode: 0 });
      expect(server.store.messages.count(live)).toBe(0);
    });
  });

  it("sends Group.CallbackAfterSendMsg only when switched on", async () => {
    await send(club, "quiet");
    await server.app.im.webhooks.idle();
    expect(receiver.commands()).not.toContain("Group.CallbackAfterSendMsg");
    server.app.im.config.callbackAfterSendMsg = true;
    const seq = await send(club, "announced", "bo");
    const call = await waitFor(() => receiver.calls.find((c) => c.query.CallbackCommand === "Group.CallbackAfterSendMsg"));
    expect(call.body).toMatchObject({
      GroupId: club,
      Type: "Public",
      From_Account: "bo",
      Operator_Account: "administrator",
      Random: expect.any(Number),
      MsgSeq: seq,
      MsgTime: expect.any(Number),
      MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: "announced" } }],
    });
    server.app.im.config.callbackAfterSendMsg = false;
  });
});
