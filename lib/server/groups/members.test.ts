import { describe, expect, it } from "vitest";
import type { TestServer } from "@/im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import type { SessionUser } from "@/lib/schemas/user";
import type { Actor } from "@/lib/server/platform/actor";
import { recordIntent } from "@/lib/server/audit/intents";
import { settleUnfinishedAudit } from "@/lib/server/audit/settle";
import { groupSettleProbe } from "./settle-probe";
import { addMembers } from "./members";
import type { TestStore } from "@/lib/server/store/test-stores";
import { strictConsoleForThisFile } from "@/lib/server/testing/strict-console";

// Adding members through the real service and gateway, against a real local IM server behaving exactly like
// Tencent: one account that does not exist makes add_group_member fail for everyone (10019).
let im: TestServer;
let gateway: ImGateway;
let db: TestStore;
const admin: Actor = {
  ip: null,
  user: { id: "1", email: "admin@console.test", name: "", role: "admin" } as SessionUser,
  requestId: "req-add",
};
let seq = 0;

async function appUsers(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => `member_${++seq}`);
  for (let i = 0; i < ids.length; i += 100) await im.rest("im_open_login_svc/multiaccount_import", { Accounts: ids.slice(i, i + 100) });
  return ids;
}
const ghosts = (n: number) => Array.from({ length: n }, () => `ghost_${++seq}`);
const newGroup = async () => gateway.createGroup({ type: "Public", name: `Hikers ${++seq}`, ownerId: (await appUsers(1))[0] });
const auditOf = (groupId: string) =>
  db.all<{ target: string; result: string; after: string }>(
    "SELECT target, result, after FROM audit WHERE action = 'member.add' AND group_id = ?",
    [groupId],
  );
const rolesOf = async (groupId: string, ids: string[]) => [...(await gateway.getRoles(groupId, ids)).values()];

strictConsoleForThisFile((c) => void ({ im, db, gateway } = c));

describe("adding members when some user IDs do not exist", () => {
  it("an admin adds two app users and a mistyped ID: the two are in, the mistyped one is reported as unknown, one audit entry", async () => {
    const groupId = await newGroup();
    const [aiko, ben] = await appUsers(2);
    const [typo] = ghosts(1);

    const { results } = await addMembers({ groupId, userIds: [aiko, typo, ben] }, admin);

    expect(results).toEqual([
      { userId: aiko, ok: true, outcome: "added" },
      { userId: typo, ok: false, error: { code: "unknown_user", message: expect.stringContaining("does not exist") } },
      { userId: ben, ok: true, outcome: "added" },
    ]);
    expect(await rolesOf(groupId, [aiko, ben])).toEqual(["Member", "Member"]);
    const audit = await auditOf(groupId);
    expect(audit).toEqual([{ target: `${aiko},${ben}`, result: "ok", after: expect.any(String) }]);
    expect(JSON.parse(audit[0].after)).toEqual(results);
  });

  it("someone already in the group is told apart from someone added", async () => {
    const groupId = await newGroup();
    const [aiko, ben] = await appUsers(2);
    await addMembers({ groupId, userIds: [aiko] }, admin);
    const { results } = await addMembers({ groupId, userIds: [aiko, ben] }, admin);
    expect(results).toEqual([
      { userId: aiko, ok: true, outcome: "already_member" },
      { userId: ben, ok: true, outcome: "added" },
    ]);
  });

  it("250 IDs are checked 100 at a time (Tencent's most per account_check), and every real one is added", async () => {
    const groupId = await newGroup();
    const real = await appUsers(240);
    const missing = ghosts(10);
    const { results } = await addMembers({ groupId, userIds: [...missing.slice(0, 5), ...real, ...missing.slice(5)] }, admin);
    expect(results.filter((r) => r.ok).map((r) => r.userId)).toEqual(real);
    expect(results.filter((r) => !r.ok).map((r) => [r.userId, r.error?.code])).toEqual(missing.map((id) => [id, "unknown_user"]));
    expect((await gateway.getGroup(groupId)).memberCount).toBe(241);
  });

  it("when none of the IDs exists nothing is sent to add, nothing changes and nothing is audited", async () => {
    const groupId = await newGroup();
    const missing = ghosts(2);
    const { results } = await addMembers({ groupId, userIds: missing }, admin);
    expect(results.map((r) => [r.userId, r.ok, r.error?.code])).toEqual(missing.map((id) => [id, false, "unknown_user"]));
    expect((await gateway.getGroup(groupId)).memberCount).toBe(1);
    expect(await auditOf(groupId)).toEqual([]);
  });
});

describe("settling a member change whose answer never came", () => {
  it("asks the IM server who is in the group: all of them is ok, none is not applied, a mix cannot be told", async () => {
    const groupId = await newGroup();
    const [aiko, ben, chen] = await appUsers(3);
    const intent = (target: string) =>
      recordIntent(db, { actor: admin.user, requestId: admin.requestId, action: "member.add", groupId, target });
    const added = await intent(`${aiko},${ben}`);
    await gateway.addMembers(groupId, [aiko, ben]); // the add happened; only its answer was lost
    const lost = await intent(chen);
    const mixed = await intent(`${aiko},${chen}`);
    await settleUnfinishedAudit(db, [groupSettleProbe(gateway)]);
    const result = async (id: number) => (await db.get<{ result: string }>("SELECT result FROM audit WHERE id = ?", [id]))?.result;
    expect([await result(added), await result(lost), await result(mixed)]).toEqual([
      "settled:ok",
      "settled:not_applied",
      "settled:unknown",
    ]);
  });
});
