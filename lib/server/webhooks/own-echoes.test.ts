import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Group } from "@/lib/schemas/group";
import type { LiveEvent } from "@/lib/schemas/live-event";
import { openSqliteTestStore } from "@/lib/server/store/test-stores";
import { directoryGroup } from "@/lib/server/testing/groups";

// The webhooks that follow the console's own approvals, and the ones that do not. Strict doubles stand for the IM
// server and the re-reads; the directory is real, so the member count it ends with is the one a list would show.
const im = { getApplication: vi.fn(), capabilities: vi.fn(), forgetCapabilities: vi.fn() };
const syncGroup = vi.fn();
const refreshPendingCounts = vi.fn();
const db = openSqliteTestStore();
vi.mock("@/lib/server/platform/context", () => ({ getContext: () => ({ db, im }) }));
vi.mock("@/lib/server/groups/groups", () => ({ syncGroup: (id: string) => syncGroup(id) }));
vi.mock("@/lib/server/applications/pending-counts", () => ({ refreshPendingCounts: (...a: unknown[]) => refreshPendingCounts(...a) }));
vi.mock("@/lib/server/applications/model/mirror", () => ({ mirrorApplications: async () => undefined }));

const { getBus } = await import("@/lib/server/live/bus");
const { upsertGroups, getDirectoryGroup } = await import("@/lib/server/directory");
const { deciding } = await import("@/lib/server/applications/own-decisions");
const { runWebhookPlan } = await import("./run");
const { planWebhook } = await import("./plan");

let published: LiveEvent[] = [];
getBus().subscribe((e) => void published.push(e));
afterAll(() => db.close());

const group = (id: string, memberCount: number): Group => directoryGroup({ id, memberCount, createdAt: "2026-01-01T00:00:00.000Z" });
const webhook = (command: string, body: Record<string, unknown>) =>
  runWebhookPlan(planWebhook(command, { EventTime: Date.now(), ...body })!);
const handled = (groupId: string, id: string, user: string) =>
  webhook("Group.CallbackAfterHandleJoinApplication", { GroupId: groupId, ApplicationId: id, Requestor_Account: user, Decision: "Agree" });
const joined = (groupId: string, ...users: string[]) =>
  webhook("Group.CallbackAfterNewMemberJoin", {
    GroupId: groupId,
    Operator_Account: "admin@example.com",
    NewMemberList: users.map((u) => ({ Member_Account: u })),
  });
/** The console approves: the IM call answers at once, a second after the directory's copy was written. */
const approve = (groupId: string, id: string, requesterId: string) =>
  deciding(
    async () => ({ id, groupId, requesterId, status: "approved" as const }),
    () => Date.now() + 1000,
  );
const memberCount = async (id: string) => (await getDirectoryGroup(db, id))?.memberCount;

beforeEach(async () => {
  published = [];
  for (const f of [im.getApplication, im.capabilities, im.forgetCapabilities, syncGroup, refreshPendingCounts]) f.mockReset();
  im.capabilities.mockResolvedValue({ applications: true });
  im.getApplication.mockResolvedValue(null);
  syncGroup.mockImplementation(async (id: string) => ({ id }));
  await upsertGroups(db, [group("g1", 5), group("g2", 5)], 1);
});

describe("webhooks that follow the console's own approvals", () => {
  it("re-read nothing: the member count goes up by one, and the newcomer is still announced", async () => {
    await approve("g1", "41", "ann");
    await handled("g1", "41", "ann");
    await joined("g1", "ann");
    expect(syncGroup).not.toHaveBeenCalled();
    expect(refreshPendingCounts).not.toHaveBeenCalled();
    expect(im.getApplication).not.toHaveBeenCalled();
    expect(await memberCount("g1")).toBe(6);
    // The console announced its decision itself; the webhooks add the newcomer only.
    expect(published.map((e) => [e.type, e.userId])).toEqual([["member.joined", "ann"]]);
  });

  it("a webhook that overtakes the decision's answer waits for it instead of re-reading", async () => {
    let answer = () => {};
    const deciding_ = deciding(
      () =>
        new Promise<{ id: string; groupId: string; requesterId: string; status: "approved" }>(
          (r) => (answer = () => r({ id: "42", groupId: "g1", requesterId: "bo", status: "approved" })),
        ),
      () => Date.now() + 1000,
    );
    const echoes = Promise.all([handled("g1", "42", "bo"), joined("g1", "bo")]);
    await new Promise((r) => setTimeout(r, 10));
    answer();
    await Promise.all([deciding_, echoes]);
    expect(syncGroup).not.toHaveBeenCalled();
    expect(im.getApplication).not.toHaveBeenCalled();
    expect(await memberCount("g1")).toBe(6);
  });

  it("are re-read after all when the group was read since the decision went out (the copy may already count the newcomer)", async () => {
    await deciding(
      async () => ({ id: "43", groupId: "g1", requesterId: "cy", status: "approved" as const }),
      () => Date.now() - 60_000,
    );
    await joined("g1", "cy");
    expect(syncGroup).toHaveBeenCalledTimes(1);
    expect(await memberCount("g1")).toBe(5);
  });

  it("are each taken once: the same webhook again (a new body, so not a replay) is news", async () => {
    await approve("g1", "44", "di");
    await joined("g1", "di");
    await joined("g1", "di");
    await handled("g1", "44", "di");
    await handled("g1", "44", "di");
    expect(syncGroup).toHaveBeenCalledTimes(1);
    expect(im.getApplication).toHaveBeenCalledTimes(1);
  });
});

describe("webhooks about changes the console did not make", () => {
  it("re-read the group, so the directory matches the IM server", async () => {
    await approve("g1", "45", "ed");
    // Someone else joined with ed, and another application was handled in the app: both are news.
    await joined("g1", "ed", "fay");
    await handled("g1", "46", "gus");
    expect(syncGroup).toHaveBeenCalledWith("g1");
    expect(im.getApplication).toHaveBeenCalledWith("46");
    expect(refreshPendingCounts).toHaveBeenCalled();
  });

  it("for one group, arriving together, share at most two re-reads, and every event still goes out", async () => {
    syncGroup.mockImplementation(async (id: string) => {
      await new Promise((r) => setTimeout(r, 20));
      return { id };
    });
    const burst = Array.from({ length: 50 }, (_, i) =>
      webhook("Group.CallbackAfterMemberExit", { GroupId: "g2", ExitMemberList: [{ Member_Account: `u${i}` }] }),
    );
    await Promise.all(burst);
    expect(syncGroup.mock.calls.length).toBeLessThanOrEqual(2);
    expect(published.filter((e) => e.type === "member.left")).toHaveLength(50);
  });
});
