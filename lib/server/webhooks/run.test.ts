import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { LiveEvent } from "@/lib/schemas/live-event";
import { ImError } from "@/lib/im/errors";
import { openSqliteTestStore } from "@/lib/server/store/test-stores";

// Strict doubles: the IM server and the directory as this module sees them.
const im = { listApplications: vi.fn(), capabilities: vi.fn(), forgetCapabilities: vi.fn() };
const inbox = { applyToInbox: vi.fn() };
const directory = { getDirectoryGroup: vi.fn(), refreshPendingCounts: vi.fn(), setPendingCounts: vi.fn() };
const syncGroup = vi.fn();
// A real store: which application was already announced is kept there, shared by every instance.
const db = openSqliteTestStore();
vi.mock("@/lib/server/platform/context", () => ({ getContext: () => ({ db, im }) }));
vi.mock("@/lib/server/directory", () => ({
  getDirectoryGroup: (...a: unknown[]) => directory.getDirectoryGroup(...a),
  setPendingCounts: (...a: unknown[]) => directory.setPendingCounts(...a),
}));
vi.mock("@/lib/server/applications/pending-counts", () => ({
  refreshPendingCounts: (...a: unknown[]) => directory.refreshPendingCounts(...a),
}));
vi.mock("@/lib/server/groups/groups", () => ({ syncGroup: (id: string) => syncGroup(id) }));
vi.mock("./console-inbox", () => ({ applyToInbox: (...a: unknown[]) => inbox.applyToInbox(...a) }));

const { getBus } = await import("@/lib/server/live/bus");
const { runWebhookPlan } = await import("./run");
const { planWebhook } = await import("./plan");

let published: LiveEvent[] = [];
let order: string[] = [];
getBus().subscribe((e) => {
  published.push(e);
  order.push(`event:${e.type}`);
});
const plan = (command: string, body: Record<string, unknown>) => planWebhook(command, { EventTime: Date.now(), ...body })!;
const application = (id: string, requesterId: string) => ({
  id,
  groupId: "g2",
  groupName: "",
  requesterId,
  requesterNickname: "",
  requesterFaceUrl: "",
  message: "",
  status: "pending",
  createdAt: new Date().toISOString(),
});

afterAll(() => db.close());

beforeEach(() => {
  published = [];
  order = [];
  for (const f of [
    im.listApplications,
    im.capabilities,
    im.forgetCapabilities,
    inbox.applyToInbox,
    directory.getDirectoryGroup,
    directory.refreshPendingCounts,
    directory.setPendingCounts,
    syncGroup,
  ])
    f.mockReset();
  im.capabilities.mockResolvedValue({ applications: true });
  inbox.applyToInbox.mockImplementation(async () => void order.push("inbox"));
  syncGroup.mockImplementation(async (id: string) => {
    order.push(`sync:${id}`);
    return { id };
  });
  directory.refreshPendingCounts.mockImplementation(async () => void order.push("pending"));
  directory.getDirectoryGroup.mockReturnValue({ joinOption: "NeedPermission" });
});

describe("carrying out a webhook", () => {
  it("updates the directory before anyone hears about it", async () => {
    await runWebhookPlan(plan("Group.CallbackAfterNewMemberJoin", { GroupId: "g1", NewMemberList: [{ Member_Account: "u1" }] }));
    expect(order).toEqual(["sync:g1", "pending", "event:member.joined"]);
    expect(published[0]).toMatchObject({ type: "member.joined", groupId: "g1", userId: "u1" });
  });

  it("skips counting applications for a group that joins freely and has none pending", async () => {
    directory.getDirectoryGroup.mockReturnValue({ joinOption: "FreeAccess", pendingApplications: 0 });
    await runWebhookPlan(plan("Group.CallbackAfterNewMemberJoin", { GroupId: "room", NewMemberList: [{ Member_Account: "u1" }] }));
    expect(order).toEqual(["sync:room", "event:member.joined"]);
  });

  it("believes the IM server over the webhook: a destroyed group that still exists is only updated", async () => {
    await runWebhookPlan(plan("Group.CallbackAfterGroupDestroyed", { GroupId: "alive" }));
    syncGroup.mockResolvedValueOnce(null);
    await runWebhookPlan(plan("Group.CallbackAfterGroupDestroyed", { GroupId: "gone" }));
    expect(published.map((e) => [e.type, e.groupId])).toEqual([
      ["group.updated", "alive"],
      ["group.dismissed", "gone"],
    ]);
  });

  it("webhooks that pile up for one group share one read, and every event still goes out", async () => {
    let release = () => {};
    syncGroup.mockImplementationOnce(() => new Promise((r) => (release = () => r({ id: "g1" }))));
    const join = (u: string) =>
      runWebhookPlan(plan("Group.CallbackAfterNewMemberJoin", { GroupId: "g1", NewMemberList: [{ Member_Account: u }] }));
    const first = join("u1");
    await new Promise((r) => setTimeout(r, 10));
    // u1's read is in flight: u2 and u3 wait together for the next turn.
    const rest = [join("u2"), join("u3")];
    release();
    await Promise.all([first, ...rest]);
    expect(syncGroup).toHaveBeenCalledTimes(2);
    expect(published.map((e) => e.userId)).toEqual(["u1", "u2", "u3"]);
  });

  it("announces an application once, with the id the IM server gives, though Before and After both report it", async () => {
    im.listApplications.mockResolvedValue({ items: [application("7", "someone"), application("8", "u1")], total: 2, next: "" });
    await Promise.all([
      runWebhookPlan(plan("Group.CallbackAfterApplyJoinGroup", { GroupId: "g2", Requestor_Account: "u1" })),
      runWebhookPlan({
        ...plan("Group.CallbackBeforeApplyJoinGroup", { GroupId: "g2", Requestor_Account: "u1" }),
        findApplication: { requesterId: "u1", delaysMs: [1] },
      }),
    ]);
    expect(published).toEqual([expect.objectContaining({ type: "application.created", groupId: "g2", applicationId: "8", userId: "u1" })]);
    expect(directory.setPendingCounts).toHaveBeenCalledWith(db, new Map([["g2", 2]]), { resetOthers: false });
  });

  it("asks again later when the application is not stored yet, and stays quiet if it never is", async () => {
    im.listApplications
      .mockResolvedValueOnce({ items: [], total: 0, next: "" })
      .mockResolvedValueOnce({ items: [application("9", "u9")], total: 1, next: "" });
    await runWebhookPlan({
      ...plan("Group.CallbackBeforeApplyJoinGroup", { GroupId: "g3", Requestor_Account: "u9" }),
      findApplication: { requesterId: "u9", delaysMs: [1, 1] },
    });
    expect(published).toEqual([expect.objectContaining({ type: "application.created", applicationId: "9" })]);

    published = [];
    im.listApplications.mockResolvedValue({ items: [], total: 0, next: "" });
    await runWebhookPlan({
      ...plan("Group.CallbackBeforeApplyJoinGroup", { GroupId: "g4", Requestor_Account: "u1" }),
      findApplication: { requesterId: "u1", delaysMs: [1, 1] },
    });
    expect(im.listApplications).toHaveBeenCalledTimes(4);
    expect(published).toEqual([]);
  });

  it("does not look for applications in a group that admits or refuses at once", async () => {
    directory.getDirectoryGroup.mockReturnValue({ joinOption: "FreeAccess" });
    await runWebhookPlan(plan("Group.CallbackBeforeApplyJoinGroup", { GroupId: "g5", Requestor_Account: "u1" }));
    expect(im.listApplications).not.toHaveBeenCalled();
  });

  it("if the extension vanished (10003), says nothing and has the capability asked again", async () => {
    im.listApplications.mockRejectedValue(new ImError(10003, "invalid command", "get_group_application_list"));
    await runWebhookPlan({
      ...plan("Group.CallbackBeforeApplyJoinGroup", { GroupId: "g6", Requestor_Account: "u1" }),
      findApplication: { requesterId: "u1", delaysMs: [1] },
    });
    expect(published).toEqual([]);
    expect(im.forgetCapabilities).toHaveBeenCalled();
  });

  it("without the extension (Tencent), applications go to the console's inbox and the IM server is never asked for them", async () => {
    im.capabilities.mockResolvedValue({ applications: false });
    const before = plan("Group.CallbackBeforeApplyJoinGroup", { GroupId: "g7", Type: "Public", Requestor_Account: "u1", ApplyMsg: "hi" });
    await runWebhookPlan(before);
    expect(inbox.applyToInbox).toHaveBeenCalledWith("g7", before.at, {
      kind: "applied",
      requesterId: "u1",
      message: "hi",
      restType: "Public",
    });
    expect(im.listApplications).not.toHaveBeenCalled();

    // A join settles the inbox before the directory is re-counted and anyone hears of it.
    order = [];
    await runWebhookPlan(
      plan("Group.CallbackAfterNewMemberJoin", { GroupId: "g7", Operator_Account: "owner", NewMemberList: [{ Member_Account: "u1" }] }),
    );
    expect(order).toEqual(["inbox", "sync:g7", "pending", "event:member.joined"]);
  });

  it("with the extension, the console's inbox is left alone; webhooks not about applications never ask what the server offers", async () => {
    await runWebhookPlan(plan("Group.CallbackAfterNewMemberJoin", { GroupId: "g8", NewMemberList: [{ Member_Account: "u1" }] }));
    expect(inbox.applyToInbox).not.toHaveBeenCalled();
    im.capabilities.mockClear();
    await runWebhookPlan(plan("Group.CallbackAfterGroupInfoChanged", { GroupId: "g8" }));
    expect(im.capabilities).not.toHaveBeenCalled();
  });
});
