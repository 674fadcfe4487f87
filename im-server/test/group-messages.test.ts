// Group messages over HTTP: sending from the console and from phones, who may speak, duplicates, and
// reading the history back page by page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImClientError } from "../client";
import { type TestServer, createGroup, importAccounts, recordEvents, startServer, waitFor } from "./helpers";

type Item = Record<string, unknown>;

describe("group messages", () => {
  let server: TestServer;
  let clock = 1_800_000_000;
  const g = (command: string, body: Record<string, unknown>) => server.rest(`group_open_http_svc/${command}`, body);
  const text = (t: string) => [{ MsgType: "TIMTextElem", MsgContent: { Text: t } }];
  const send = (groupId: string, t: string, more: Record<string, unknown> = {}) =>
    g("send_group_msg", { GroupId: groupId, Random: Math.floor(Math.random() * 4294967295), MsgBody: text(t), ...more });
  const history = async (body: Record<string, unknown>) => g("group_msg_get_simple", body);
  let club: string;

  beforeAll(async () => {
    server = await startServer({}, undefined, { now: () => clock });
    await importAccounts(server, "owner", "aiko", "bo", "chen", "outsider");
    club = await createGroup(server, {
      Type: "Public",
      Name: "Club",
      Owner_Account: "owner",
      MemberList: [{ Member_Account: "aiko" }, { Member_Account: "bo" }, { Member_Account: "chen", Role: "Admin" }],
    });
  });
  afterAll(() => server.close());

  it("numbers each group's messages 1, 2, 3 on its own and answers MsgTime and MsgSeq", async () => {
    const other = await createGroup(server, { Type: "Public", Name: "Other", Owner_Account: "owner" });
    const own = await createGroup(server, { Type: "Public", Name: "Own", Owner_Account: "owner" });
    expect(await send(own, "one")).toMatchObject({ ErrorCode: 0, MsgSeq: 1, MsgTime: clock });
    expect(await send(own, "two", { From_Account: "owner" })).toMatchObject({ MsgSeq: 2 });
    expect(await send(other, "elsewhere")).toMatchObject({ MsgSeq: 1 });
    expect(await send(own, "three", { MsgPriority: "High" })).toMatchObject({ MsgSeq: 3 });
  });

  it("reads the history newest first with every field, pages with ReqMsgSeq and keeps at most 20 a call", async () => {
    const id = await createGroup(server, {
      Type: "Public",
      Name: "History",
      Owner_Account: "owner",
      MemberList: [{ Member_Account: "aiko" }],
    });
    for (let i = 1; i <= 25; i++) await send(id, `line ${i}`, { From_Account: i % 2 ? "aiko" : "owner", Random: 1000 + i });
    const newest = await history({ GroupId: id, ReqMsgNumber: 2 });
    expect(newest).toMatchObject({ ErrorCode: 0, GroupId: id, IsFinished: 1 });
    expect(newest.RspMsgList).toEqual([
      {
        From_Account: "aiko",
        IsPlaceMsg: 0,
        IsSystemMsg: 0,
        MsgBody: text("line 25"),
        MsgPriority: 2,
        MsgRandom: 1025,
        MsgSeq: 25,
        MsgTimeStamp: clock,
      },
      expect.objectContaining({ MsgSeq: 24, From_Account: "owner" }),
    ]);
    const older = await history({ GroupId: id, ReqMsgNumber: 3, ReqMsgSeq: 23 });
    expect((older.RspMsgList as Item[]).map((m) => m.MsgSeq)).toEqual([23, 22, 21]);
    // Asking for more than 20 answers 20 and says the range was not finished.
    const many = await history({ GroupId: id, ReqMsgNumber: 50 });
    expect(many).toMatchObject({ IsFinished: 0 });
    expect((many.RspMsgList as Item[]).map((m) => m.MsgSeq)).toEqual(Array.from({ length: 20 }, (_, i) => 25 - i));
    // A seq past the newest reads from the newest; the oldest page ends at seq 1.
    expect(((await history({ GroupId: id, ReqMsgNumber: 1, ReqMsgSeq: 999 })).RspMsgList as Item[])[0].MsgSeq).toBe(25);
    expect(((await history({ GroupId: id, ReqMsgNumber: 20, ReqMsgSeq: 2 })).RspMsgList as Item[]).map((m) => m.MsgSeq)).toEqual([2, 1]);
  });

  it.each([
    [{ ReqMsgNumber: 0 }, 10004],
    [{}, 10004],
    [{ ReqMsgNumber: 5, ReqMsgSeq: 0 }, 10004],
    [{ ReqMsgNumber: 5, WithRecalledMsg: 2 }, 10004],
    [{ ReqMsgNumber: "many" }, 10004],
  ])("refuses history request %j with %i", async (body, code) => {
    expect((await history({ GroupId: club, ...body })).ErrorCode).toBe(code);
  });

  it("answers 10010 for a group that does not exist, for sending and for history", async () => {
    expect((await send("@TGS#nothing", "hi")).ErrorCode).toBe(10010);
    expect((await history({ GroupId: "@TGS#nothing", ReqMsgNumber: 1 })).ErrorCode).toBe(10010);
  });

  it.each([
    ["no Random", { Random: undefined }, 10004],
    ["a Random above uint32", { Random: 4294967296 }, 10004],
    ["no MsgBody", { MsgBody: [] }, 10004],
    ["an image element", { MsgBody: [{ MsgType: "TIMImageElem", MsgContent: {} }] }, 10004],
    ["an empty text", { MsgBody: text("") }, 10004],
    ["a body over 12 KB", { MsgBody: text("x".repeat(12 * 1024)) }, 10004],
    ["an unknown priority", { MsgPriority: "Urgent" }, 10004],
    ["an unknown sender", { From_Account: "ghost" }, 10019],
    ["a sender who is not a member", { From_Account: "outsider" }, 10007],
  ])("refuses a message with %s (%j) with %i and stores nothing", async (_what, more, code) => {
    const before = server.store.messages.count(club);
    expect((await send(club, "hello", more)).ErrorCode).toBe(code);
    expect(server.store.messages.count(club)).toBe(before);
  });

  it("takes custom elements alongside text", async () => {
    const body = [...text("see"), { MsgType: "TIMCustomElem", MsgContent: { Data: '{"card":1}', Desc: "card", Ext: "" } }];
    const sent = await g("send_group_msg", { GroupId: club, Random: 7, MsgBody: body, From_Account: "aiko" });
    const read = await history({ GroupId: club, ReqMsgNumber: 1, ReqMsgSeq: sent.MsgSeq });
    expect((read.RspMsgList as Item[])[0].MsgBody).toEqual(body);
  });

  it("drops a resend of the same content with the same Random within 5 minutes, answering the first seq", async () => {
    const first = await send(club, "only once", { Random: 4242, From_Account: "aiko" });
    const count = server.store.messages.count(club);
    clock += 299;
    expect(await send(club, "only once", { Random: 4242, From_Account: "aiko" })).toMatchObject({
      ErrorCode: 0,
      MsgSeq: first.MsgSeq,
      MsgTime: first.MsgTime,
    });
    expect(server.store.messages.count(club)).toBe(count);
    // Other content, another sender or another Random is a new message; so is the same one later.
    expect((await send(club, "only twice", { Random: 4242, From_Account: "aiko" })).MsgSeq).toBe((first.MsgSeq as number) + 1);
    expect((await send(club, "only once", { Random: 4242, From_Account: "bo" })).MsgSeq).toBe((first.MsgSeq as number) + 2);
    clock += 2;
    expect((await send(club, "only once", { Random: 4242, From_Account: "aiko" })).MsgSeq).toBe((first.MsgSeq as number) + 3);
  });

  it("delivers onRecvNewMessage to the other members' phones, and a phone can send with sendGroupTextMessage", async () => {
    const bo = await server.client("bo");
    const aiko = await server.client("aiko");
    const boEvents = recordEvents(bo);
    const aikoEvents = recordEvents(aiko);
    const sent = await aiko.sendGroupTextMessage(club, "こんにちは", 1);
    expect(sent).toMatchObject({ groupID: club, sender: "aiko", timestamp: clock });
    const received = await waitFor(() => boEvents.find((e) => e.name === "onRecvNewMessage" && e.payload.seq === sent.seq));
    expect(received.payload).toMatchObject({ msgID: sent.msgID, groupID: club, sender: "aiko", text: "こんにちは", priority: 1 });
    const read = await history({ GroupId: club, ReqMsgNumber: 1 });
    expect((read.RspMsgList as Item[])[0]).toMatchObject({ From_Account: "aiko", MsgSeq: sent.seq, MsgPriority: 1 });
    // The sender's own phone is not told about its own message.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(aikoEvents.some((e) => e.name === "onRecvNewMessage")).toBe(false);
  });

  it("refuses a phone that is not a member (10007) and bad client input (10004)", async () => {
    const outsider = await server.client("outsider");
    await expect(outsider.sendGroupTextMessage(club, "let me in")).rejects.toMatchObject({ code: 10007 });
    const aiko = await server.client("aiko");
    await expect(aiko.sendGroupTextMessage(club, "")).rejects.toMatchObject({ code: 10004 });
    await expect(aiko.sendGroupTextMessage(club, "hi", 9)).rejects.toBeInstanceOf(ImClientError);
  });

  describe("who may speak", () => {
    it("refuses a muted member with 10017 from the console and from their phone, until the mute ends", async () => {
      expect((await g("forbid_send_msg", { GroupId: club, Members_Account: ["bo"], MuteTime: 60 })).ErrorCode).toBe(0);
      expect((await send(club, "shh", { From_Account: "bo" })).ErrorCode).toBe(10017);
      const bo = await server.client("bo");
      await expect(bo.sendGroupTextMessage(club, "shh")).rejects.toMatchObject({ code: 10017 });
      clock += 61;
      expect((await send(club, "free again", { From_Account: "bo" })).ErrorCode).toBe(0);
      await expect(bo.sendGroupTextMessage(club, "yes")).resolves.toMatchObject({ groupID: club });
    });

    it("under MuteAllMember lets only the owner, admins and the App admin speak", async () => {
      await g("modify_group_base_info", { GroupId: club, MuteAllMember: "On" });
      expect((await send(club, "member", { From_Account: "aiko" })).ErrorCode).toBe(10017);
      const aiko = await server.client("aiko");
      await expect(aiko.sendGroupTextMessage(club, "member")).rejects.toMatchObject({ code: 10017 });
      expect((await send(club, "owner", { From_Account: "owner" })).ErrorCode).toBe(0);
      expect((await send(club, "admin", { From_Account: "chen" })).ErrorCode).toBe(0);
      expect((await send(club, "app admin")).ErrorCode).toBe(0);
      await g("modify_group_base_info", { GroupId: club, MuteAllMember: "Off" });
      expect((await send(club, "member again", { From_Account: "aiko" })).ErrorCode).toBe(0);
    });
  });
});
