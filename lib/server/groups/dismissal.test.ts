import { beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "@/im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import type { SessionUser } from "@/lib/schemas/user";
import type { Actor } from "@/lib/server/platform/actor";
import type { TestStore } from "@/lib/server/store/test-stores";
import { refusal } from "@/lib/server/testing/applications";
import { consoleOverImServer } from "@/lib/server/testing/strict-console";
import { cancelDismissal, runDueDismissals, scheduleDismissal } from "./dismissal";

// Dismissal with undo (docs/dismissal.md) against a real local IM server: kept in the store, cancellable while it
// is ahead, carried out once when due — by whichever instance claims it, again after a crash mid-way — and audited.

let seq = 0;

describe("dismissal with undo", () => {
  let c!: { im: TestServer; gateway: ImGateway; db: TestStore };
  consoleOverImServer({ strictTencent: false }, (started) => (c = started));

  let adminId = "";
  const admin = (): Actor => ({
    user: { id: adminId, email: "admin@dismissal.test", name: "Admin", role: "admin" } as SessionUser,
    requestId: `req-${++seq}`,
    ip: null,
  });
  beforeAll(async () => {
    const row = await c.db.get<{ id: number }>(
      "INSERT INTO users (email, name, role, password_hash, created_at) VALUES ('admin@dismissal.test', 'Admin', 'admin', 'x', ?) RETURNING id",
      [new Date().toISOString()],
    );
    adminId = String(row!.id);
  });
  const group = () => c.gateway.createGroup({ type: "Public", name: `Doomed ${++seq}` });
  const exists = async (id: string) => (await c.gateway.getGroups([id])).length === 1;
  const actions = async (id: string) =>
    (await c.db.all<{ action: string; result: string }>("SELECT action, result FROM audit WHERE group_id = ? ORDER BY id", [id])).map(
      (r) => `${r.action}:${r.result}`,
    );
  const stateOf = async (id: string) =>
    (await c.db.get<{ state: string; actor_email: string }>("SELECT state, actor_email FROM scheduled_dismissals WHERE group_id = ?", [
      id,
    ])) ?? null;
  const due = (id: string) => c.db.run("UPDATE scheduled_dismissals SET scheduled_for = ? WHERE group_id = ?", [Date.now() - 1, id]);

  it("an undo while it is ahead keeps the group; nothing happens when it falls due", async () => {
    const id = await group();
    const { scheduledFor } = await scheduleDismissal({ id }, admin());
    expect(Date.parse(scheduledFor) - Date.now()).toBeGreaterThan(8_000);
    expect(await stateOf(id)).toEqual({ state: "scheduled", actor_email: "admin@dismissal.test" });
    expect(await cancelDismissal({ id }, admin())).toEqual({ cancelled: true });
    await due(id);
    await runDueDismissals(c.db);
    expect(await exists(id)).toBe(true);
    expect(await stateOf(id)).toMatchObject({ state: "cancelled" });
    expect(await actions(id)).toEqual(["group.dismiss_schedule:ok", "group.dismiss_cancel:ok"]);
    // Undoing twice, or what was never scheduled: nothing to cancel.
    expect(await refusal(cancelDismissal({ id }, admin()))).toMatchObject({ code: "not_found" });
  });

  it("when due it is carried out once, though two instances look at the same moment; then undo is too late", async () => {
    const id = await group();
    await scheduleDismissal({ id, delaySeconds: 5, reason: "spam wave" }, admin());
    expect(await refusal(scheduleDismissal({ id }, admin()))).toMatchObject({ code: "conflict" });
    await due(id);
    const settled = await Promise.all([runDueDismissals(c.db, "a"), runDueDismissals(c.db, "b")]);
    expect(settled.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await exists(id)).toBe(false);
    expect(await actions(id)).toEqual(["group.dismiss_schedule:ok", "group.dismiss:ok"]);
    expect(await refusal(cancelDismissal({ id }, admin()))).toMatchObject({ code: "conflict" });
  });

  it("a dismissal whose instance died mid-way is claimed again once its lease lapses, and done once", async () => {
    const id = await group();
    await scheduleDismissal({ id }, admin());
    // As a crash leaves it: claimed, lease run out, group still there.
    await c.db.run("UPDATE scheduled_dismissals SET state = 'running', lease_until = ?, scheduled_for = ? WHERE group_id = ?", [
      Date.now() - 1,
      Date.now() - 31_000,
      id,
    ]);
    expect(await refusal(cancelDismissal({ id }, admin()))).toMatchObject({ code: "conflict" });
    expect(await runDueDismissals(c.db)).toBe(1);
    expect(await exists(id)).toBe(false);
    // A group someone else dismissed meanwhile is simply done.
    const other = await group();
    await scheduleDismissal({ id: other }, admin());
    await c.gateway.destroyGroup(other);
    await due(other);
    expect(await runDueDismissals(c.db)).toBe(1);
    expect(await stateOf(other)).toMatchObject({ state: "done" });
  });

  it("an admin demoted before it falls due dismisses nothing: the group stays, the row says why", async () => {
    const id = await group();
    await scheduleDismissal({ id }, admin());
    await c.db.run("UPDATE users SET role = 'moderator' WHERE id = ?", [Number(adminId)]);
    try {
      await due(id);
      expect(await runDueDismissals(c.db)).toBe(1);
      expect(await exists(id)).toBe(true);
      expect(await stateOf(id)).toMatchObject({ state: "failed" });
    } finally {
      await c.db.run("UPDATE users SET role = 'admin' WHERE id = ?", [Number(adminId)]);
    }
  });

  it("an unknown group cannot be scheduled", async () => {
    expect(await refusal(scheduleDismissal({ id: "no-such-group-here" }, admin()))).toMatchObject({ code: "not_found" });
  });
});
