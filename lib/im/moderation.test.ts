import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ImError } from "./errors";
import { createImGateway } from "./gateway";
import { messageText } from "./group-messages";
import { untilFromWire, WIRE_FOREVER } from "./moderation";
import { fail, ok, startStubImServer, type StubImServer } from "./testing/stub-im-server";

// Mutes, bans and message history as the wire protocol has them, against an IM server whose every answer the
// test decides: what the gateway sends, how it reads Tencent's answers, and what it refuses to believe.
let stub: StubImServer;
let now = 1_800_000_000;
const clock = { unixSeconds: () => now };
const gateway = () =>
  createImGateway({ baseUrl: stub.url, sdkAppId: 1400000000, secretKey: "stub-secret", adminId: "administrator", timeoutMs: 2000 }, clock);

beforeAll(async () => void (stub = await startStubImServer()));
afterAll(() => stub.close());
beforeEach(() => {
  stub.reset();
  now = 1_800_000_000;
});

describe("times on the wire", () => {
  it("are Unix seconds; 4294967295 and beyond mean forever (null)", () => {
    expect(untilFromWire(1_800_000_060)).toBe("2027-01-15T08:01:00.000Z");
    expect(untilFromWire(WIRE_FOREVER)).toBeNull();
    expect(untilFromWire(WIRE_FOREVER + 1)).toBeNull();
  });
});

describe("mutes", () => {
  it("sends MuteTime in seconds and reads who is muted, leaving out lapsed mutes and zeros", async () => {
    stub.script("forbid_send_msg", ok());
    stub.script(
      "get_group_muted_account",
      ok({
        GroupId: "g1",
        MutedAccountList: [
          { Member_Account: "ann", MutedUntil: now + 60 },
          { Member_Account: "bob", MutedUntil: WIRE_FOREVER },
          { Member_Account: "cat", MutedUntil: now - 1 },
          { Member_Account: "dan", MutedUntil: 0 },
        ],
      }),
    );
    const im = gateway();
    await im.muteMembers("g1", ["ann", "bob"], 60);
    expect(stub.callsTo("forbid_send_msg")[0].body).toEqual({ GroupId: "g1", Members_Account: ["ann", "bob"], MuteTime: 60 });
    await expect(im.mutedMembers("g1")).resolves.toEqual([
      { userId: "ann", until: new Date((now + 60) * 1000).toISOString() },
      { userId: "bob", until: null },
    ]);
  });

  it("refuses to send more than 500 accounts in one call", async () => {
    await expect(
      gateway().muteMembers(
        "g1",
        Array.from({ length: 501 }, (_, i) => `u${i}`),
        60,
      ),
    ).rejects.toThrow(RangeError);
    expect(stub.calls).toEqual([]);
  });

  it("an answer not in the protocol's shape is the IM server's fault (ImError), not a validation error", async () => {
    stub.script("get_group_muted_account", ok({ MutedAccountList: [{ Member_Account: "ann", MutedUntil: "soon" }] }));
    await expect(gateway().mutedMembers("g1")).rejects.toBeInstanceOf(ImError);
  });
});

describe("bans", () => {
  it("sends Duration and Description, at most 20 accounts a call", async () => {
    stub.script("ban_group_member", ok());
    const im = gateway();
    await im.banMembers("g1", ["ann"], 3600, "spam");
    expect(stub.callsTo("ban_group_member")[0].body).toEqual({
      GroupId: "g1",
      Members_Account: ["ann"],
      Duration: 3600,
      Description: "spam",
    });
    await expect(
      im.banMembers(
        "g1",
        Array.from({ length: 21 }, (_, i) => `u${i}`),
        60,
      ),
    ).rejects.toThrow(RangeError);
    expect(stub.callsTo("ban_group_member")).toHaveLength(1);
  });

  it("lists every ban page by page until NextOffset is 0, lapsed ones left out", async () => {
    stub.script(
      "get_group_ban_member",
      ok({ BannedAccountList: [{ Member_Account: "ann", BannedUntil: WIRE_FOREVER }], NextOffset: 1 }),
      ok({
        BannedAccountList: [
          { Member_Account: "bob", BannedUntil: now + 5 },
          { Member_Account: "old", BannedUntil: now },
        ],
        NextOffset: 0,
      }),
    );
    await expect(gateway().bannedMembers("g1")).resolves.toEqual([
      { userId: "ann", until: null },
      { userId: "bob", until: new Date((now + 5) * 1000).toISOString() },
    ]);
    expect(stub.callsTo("get_group_ban_member").map((c) => c.body)).toEqual([
      { GroupId: "g1", Offset: 0, Limit: 100 },
      { GroupId: "g1", Offset: 1, Limit: 100 },
    ]);
  });

  it("stops when the IM server answers an offset it already gave (no endless paging)", async () => {
    stub.script("get_group_ban_member", ok({ BannedAccountList: [], NextOffset: 5 }));
    await expect(gateway().bannedMembers("g1")).resolves.toEqual([]);
    expect(stub.callsTo("get_group_ban_member")).toHaveLength(2);
  });

  it("an app without bans (10003, 10007) is remembered for ten minutes, then asked again; a ban that works clears it", async () => {
    const im = gateway();
    expect(im.bansUnavailable()).toBe(false);
    stub.script("ban_group_member", fail(10003, "invalid command"), ok());
    await expect(im.banMembers("g1", ["ann"], 60)).rejects.toMatchObject({ code: 10003 });
    expect(im.bansUnavailable()).toBe(true);
    now += 599;
    expect(im.bansUnavailable()).toBe(true);
    now += 2;
    expect(im.bansUnavailable()).toBe(false);
    await im.banMembers("g1", ["ann"], 60);
    expect(im.bansUnavailable()).toBe(false);

    stub.script("get_group_ban_member", fail(10007, "insufficient permission"));
    await expect(im.bannedMembers("g1")).rejects.toMatchObject({ code: 10007 });
    expect(im.bansUnavailable()).toBe(true);
  });

  it("other failures (group gone) say nothing about bans", async () => {
    stub.script("unban_group_member", fail(10010, "group gone"));
    const im = gateway();
    await expect(im.unbanMembers("g1", ["ann"])).rejects.toMatchObject({ code: 10010 });
    expect(im.bansUnavailable()).toBe(false);
  });
});

describe("messages", () => {
  it("reads history newest first with recalled messages, and turns elements into text", async () => {
    stub.script(
      "group_msg_get_simple",
      ok({
        IsFinished: 1,
        RspMsgList: [
          {
            From_Account: "ann",
            IsPlaceMsg: 0,
            MsgSeq: 7,
            MsgTimeStamp: now,
            MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: "hi" } }],
          },
          { From_Account: "bob", IsPlaceMsg: 2, MsgSeq: 9, MsgTimeStamp: now, MsgBody: [] },
          { From_Account: "cat", IsPlaceMsg: 1, MsgSeq: 8, MsgTimeStamp: now, MsgBody: [] },
        ],
      }),
    );
    const history = await gateway().groupHistory("g1", 20, 9);
    expect(stub.callsTo("group_msg_get_simple")[0].body).toEqual({ GroupId: "g1", ReqMsgNumber: 20, ReqMsgSeq: 9, WithRecalledMsg: 1 });
    expect(history.map((m) => [m.seq, m.senderId, m.text, m.recalled, m.gone])).toEqual([
      [9, "bob", "", true, false],
      [8, "cat", "", false, true],
      [7, "ann", "hi", false, false],
    ]);
  });

  it("joins text elements as they are and names every other element", () => {
    const text = (Text: string) => ({ MsgType: "TIMTextElem", MsgContent: { Text } });
    expect(messageText([text("Hello, "), text("world")])).toBe("Hello, world");
    expect(messageText([text("look"), { MsgType: "TIMImageElem" }, { MsgType: "TIMCustomElem" }, { MsgType: "TIMNewElem" }])).toBe(
      "look [image] [custom message] [message]",
    );
  });

  it("recalls up to 10 seqs and answers each seq's RetCode", async () => {
    stub.script(
      "group_msg_recall",
      ok({
        RecallRetList: [
          { MsgSeq: 100, RetCode: 10030 },
          { MsgSeq: 101, RetCode: 0 },
        ],
      }),
    );
    const im = gateway();
    const codes = await im.recallMessages("g1", [100, 101]);
    expect(stub.callsTo("group_msg_recall")[0].body).toEqual({ GroupId: "g1", MsgSeqList: [{ MsgSeq: 100 }, { MsgSeq: 101 }] });
    expect([...codes]).toEqual([
      [100, 10030],
      [101, 0],
    ]);
    await expect(
      im.recallMessages(
        "g1",
        Array.from({ length: 11 }, (_, i) => i + 1),
      ),
    ).rejects.toThrow(RangeError);
  });

  it("purges a sender's messages with delete_group_msg_by_sender", async () => {
    stub.script("delete_group_msg_by_sender", ok());
    await gateway().purgeSender("g1", "ann");
    expect(stub.callsTo("delete_group_msg_by_sender")[0].body).toEqual({ GroupId: "g1", Sender_Account: "ann" });
  });
});
