import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { LiveEvent } from "@/lib/schemas/live-event";
import { openSqliteTestStore } from "@/lib/server/store/test-stores";
import { pendingInInbox } from "@/lib/server/testing/applications";

// A group marked at the full door (admission.ts) is re-read once for all the webhooks that marked it.
const im = { capabilities: vi.fn(), forgetCapabilities: vi.fn() };
const inbox = { applyToInbox: vi.fn() };
const syncGroup = vi.fn();
const db = openSqliteTestStore();
vi.mock("@/lib/server/platform/context", () => ({ getContext: () => ({ db, im }) }));
vi.mock("@/lib/server/directory", () => ({ getDirectoryGroup: async () => ({ joinOption: "NeedPermission" }), setPendingCounts: vi.fn() }));
vi.mock("@/lib/server/applications/pending-counts", () => ({ refreshPendingCounts: async () => undefined }));
vi.mock("@/lib/server/groups/groups", () => ({ syncGroup: (id: string) => syncGroup(id) }));
vi.mock("./console-inbox", () => ({ applyToInbox: (...a: unknown[]) => inbox.applyToInbox(...a) }));

const { getBus } = await import("@/lib/server/live/bus");
const { rereadMarkedGroup } = await import("./run");

let published: LiveEvent[] = [];
getBus().subscribe((e) => published.push(e));
afterAll(() => db.close());

const apply = (groupId: string, requesterId: string) => pendingInInbox(db, groupId, requesterId);

beforeEach(() => {
  published = [];
  for (const f of [im.capabilities, inbox.applyToInbox, syncGroup]) f.mockReset();
  // Tencent: no applications extension, the console keeps the inbox.
  im.capabilities.mockResolvedValue({ applications: false });
  syncGroup.mockImplementation(async (id: string) => ({ id }));
});

describe("a group marked at the full door", () => {
  it("is re-read once, and its listeners hear that it changed", async () => {
    await rereadMarkedGroup("g1", { joined: false });
    expect(syncGroup.mock.calls).toEqual([["g1"]]);
    expect(published.map((e) => [e.type, e.groupId])).toEqual([["group.updated", "g1"]]);
    expect(inbox.applyToInbox).not.toHaveBeenCalled();
  });

  it("that the IM server no longer has is announced as dismissed", async () => {
    syncGroup.mockResolvedValue(null);
    await rereadMarkedGroup("g2", { joined: false });
    expect(published.map((e) => [e.type, e.groupId])).toEqual([["group.dismissed", "g2"]]);
  });

  it("after a member joined, has the inbox look at every pending requester of the group (an approval in the app)", async () => {
    await apply("g3", "u1");
    await apply("g3", "u2");
    await apply("g4", "u3");
    await rereadMarkedGroup("g3", { joined: true });
    expect(inbox.applyToInbox).toHaveBeenCalledTimes(1);
    const [groupId, , work] = inbox.applyToInbox.mock.calls[0];
    expect(groupId).toBe("g3");
    expect({ ...work, userIds: [...work.userIds].sort() }).toEqual({ kind: "joined", userIds: ["u1", "u2"], operator: "" });
    expect(syncGroup.mock.calls).toEqual([["g3"]]);
  });

  it("after a member joined a group nobody applied to, asks the inbox nothing", async () => {
    await rereadMarkedGroup("g5", { joined: true });
    expect(inbox.applyToInbox).not.toHaveBeenCalled();
    expect(syncGroup.mock.calls).toEqual([["g5"]]);
  });
});
