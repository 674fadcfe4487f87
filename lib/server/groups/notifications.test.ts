import { describe, expect, it } from "vitest";
import type { TestServer } from "@/im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import type { SessionUser } from "@/lib/schemas/user";
import type { Actor } from "@/lib/server/platform/actor";
import { notifyMembers } from "./notifications";
import type { TestStore } from "@/lib/server/store/test-stores";
import { strictConsoleForThisFile } from "@/lib/server/testing/strict-console";

// Notifications to chosen users through the real service and gateway, against a real local IM server behaving
// exactly like Tencent: it drops recipients who are not members without a word, so the console has to ask.
let im: TestServer;
let gateway: ImGateway;
let db: TestStore;
const admin: Actor = {
  ip: null,
  user: { id: "1", email: "admin@console.test", name: "", role: "admin" } as SessionUser,
  requestId: "req-notify",
};
let seq = 0;

async function appUsers(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => `reader_${++seq}`);
  await im.rest("im_open_login_svc/multiaccount_import", { Accounts: ids });
  return ids;
}
const ghost = () => `ghost_${++seq}`;
/** A Public group of an owner and one member, and an app user outside it. */
async function hikers() {
  const [owner, member, outsider] = await appUsers(3);
  const groupId = await gateway.createGroup({ type: "Public", name: `Hikers ${++seq}`, ownerId: owner });
  await gateway.addMembers(groupId, [member]);
  return { groupId, owner, member, outsider };
}
const received = (userId: string) => im.store.events.notices(userId).map((n) => n.content);
const auditOf = (groupId: string) =>
  db.all<{ target: string; result: string; after: string }>(
    "SELECT target, result, after FROM audit WHERE action = 'group.notify' AND group_id = ?",
    [groupId],
  );

strictConsoleForThisFile((c) => void ({ im, db, gateway } = c));

describe("a notification to chosen users", () => {
  it("goes to the members only, and each user asked for is told: sent, not a member, or no such user", async () => {
    const { groupId, owner, member, outsider } = await hikers();
    const typo = ghost();

    const answer = await notifyMembers(
      { groupId, content: "Trail closed on Sunday", userIds: [member, outsider, typo, owner, member] },
      admin,
    );

    expect(answer).toEqual({
      results: [
        { userId: member, ok: true },
        { userId: outsider, ok: false, error: { code: "not_member", message: expect.stringContaining("not a member") } },
        { userId: typo, ok: false, error: { code: "unknown_user", message: expect.stringContaining("does not exist") } },
        { userId: owner, ok: true },
      ],
    });
    expect([received(member), received(owner), received(outsider)]).toEqual([["Trail closed on Sunday"], ["Trail closed on Sunday"], []]);
    const audit = await auditOf(groupId);
    expect(audit).toEqual([{ target: `${member},${owner}`, result: "ok", after: expect.any(String) }]);
    expect(JSON.parse(audit[0].after)).toEqual({ content: "Trail closed on Sunday", userIds: [member, owner] });
  });

  it("when none of them is a member nothing is sent (not to everyone either) and nothing is audited", async () => {
    const { groupId, owner, member, outsider } = await hikers();
    const typo = ghost();

    const { results } = (await notifyMembers({ groupId, content: "Nobody should read this", userIds: [outsider, typo] }, admin)) as {
      results: unknown[];
    };

    expect(results).toEqual([
      { userId: outsider, ok: false, error: expect.objectContaining({ code: "not_member" }) },
      { userId: typo, ok: false, error: expect.objectContaining({ code: "unknown_user" }) },
    ]);
    expect([received(owner), received(member), received(outsider)]).toEqual([[], [], []]);
    expect(await auditOf(groupId)).toEqual([]);
  });
});
