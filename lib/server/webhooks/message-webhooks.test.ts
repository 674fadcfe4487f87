import { describe, expect, it, vi } from "vitest";
import type { LiveEvent } from "@/lib/schemas/live-event";
import { openSqliteTestStore } from "@/lib/server/store/test-stores";
import { directoryGroup } from "@/lib/server/testing/groups";

// A sent or recalled message is told to every open console as it is: no IM read, no directory write. The
// doubles have nothing to answer with, so any re-read would fail the story.
const im = new Proxy({}, { get: (_, name) => vi.fn(() => Promise.reject(new Error(`unexpected IM call ${String(name)}`))) });
const syncGroup = vi.fn();
const db = openSqliteTestStore();
vi.mock("@/lib/server/platform/context", () => ({ getContext: () => ({ db, im }) }));
vi.mock("@/lib/server/groups/groups", () => ({ syncGroup: (id: string) => syncGroup(id) }));

const { getBus } = await import("@/lib/server/live/bus");
const { upsertGroups } = await import("@/lib/server/directory");
const { runWebhookPlan } = await import("./run");
const { planWebhook } = await import("./plan");

const AT = 1_700_000_000_000;
const published: LiveEvent[] = [];
getBus().subscribe((e) => void published.push(e));
const plan = (command: string, body: Record<string, unknown>) => planWebhook(command, { CallbackCommand: command, EventTime: AT, ...body });

// The console knows g1 (its directory holds it); "stranger" is a group it has not learned of.
await upsertGroups(db, [directoryGroup({ id: "g1" })], 1);

describe("message webhooks", () => {
  it("AfterSendMsg becomes message.sent naming the group and the sender, and nothing is re-read", async () => {
    const sent = plan("Group.CallbackAfterSendMsg", { GroupId: "g1", Type: "Public", From_Account: "ann", MsgSeq: 7, MsgBody: [] });
    expect(sent).toEqual({
      groupId: "g1",
      at: new Date(AT).toISOString(),
      sync: false,
      refreshPending: false,
      ifPresent: [{ type: "message.sent", groupId: "g1", userId: "ann", at: new Date(AT).toISOString() }],
      ifGone: [],
    });
    published.length = 0;
    await runWebhookPlan(sent!);
    expect(published.map((e) => [e.type, e.groupId, e.userId])).toEqual([["message.sent", "g1", "ann"]]);
    expect(syncGroup).not.toHaveBeenCalled();
  });

  it("AfterRecallMsg becomes message.recalled for the group (the body names the operator, not the sender)", async () => {
    const recalled = plan("Group.CallbackAfterRecallMsg", { GroupId: "g1", Operator_Account: "admin", MsgSeqList: [{ MsgSeq: 7 }] });
    published.length = 0;
    await runWebhookPlan(recalled!);
    expect(published.map((e) => [e.type, e.groupId, e.userId])).toEqual([["message.recalled", "g1", undefined]]);
    expect(syncGroup).not.toHaveBeenCalled();
  });

  it("a message of a group the directory does not hold is not told, until the console learns of the group", async () => {
    const send = (from: string) => plan("Group.CallbackAfterSendMsg", { GroupId: "stranger", From_Account: from, MsgSeq: 1, MsgBody: [] })!;
    const recall = plan("Group.CallbackAfterRecallMsg", { GroupId: "stranger", Operator_Account: "admin", MsgSeqList: [{ MsgSeq: 1 }] })!;
    published.length = 0;
    await runWebhookPlan(send("ann"));
    await runWebhookPlan(recall);
    expect(published).toEqual([]);

    // The crawl finds it: its next message is told as any other.
    await upsertGroups(db, [directoryGroup({ id: "stranger" })], 1);
    await runWebhookPlan(send("ben"));
    await runWebhookPlan(recall);
    expect(published.map((e) => [e.type, e.groupId, e.userId])).toEqual([
      ["message.sent", "stranger", "ben"],
      ["message.recalled", "stranger", undefined],
    ]);
    expect(syncGroup).not.toHaveBeenCalled();
  });

  it("a body without a group, or a sender that is not a string, does no harm", () => {
    expect(plan("Group.CallbackAfterSendMsg", { From_Account: "ann" })).toBeNull();
    expect(plan("Group.CallbackAfterSendMsg", { GroupId: "g1", From_Account: 42 })?.ifPresent).toEqual([
      { type: "message.sent", groupId: "g1", at: new Date(AT).toISOString() },
    ]);
  });
});
