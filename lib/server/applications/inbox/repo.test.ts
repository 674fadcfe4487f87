import { listModel } from "../model/list";
import { expect, it } from "vitest";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { closeGroupApplications, decide, inboxPendingCounts, inboxRow, recordApplication, settleJoined, undoDecision } from "./repo";

const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s)).toISOString();

describeEachStore("the console's own inbox", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));

  const apply = async (groupId: string, requesterId: string, s: number, message = `hi ${s}`) =>
    String(await recordApplication(db, { groupType: "Public", nickname: "", faceUrl: "", groupId, requesterId, message, at: t(s) }));

  it("keeps one pending application per requester and group: applying again updates it", async () => {
    const first = await apply("g1", "u1", 1, "first");
    const again = await apply("g1", "u1", 5, "second");
    expect(again).toBe(first);
    expect(await inboxRow(db, first)).toMatchObject({ message: "second", created_at: t(5), status: "pending" });
    // An older report arriving late changes nothing.
    await apply("g1", "u1", 3, "stale");
    expect(await inboxRow(db, first)).toMatchObject({ message: "second", created_at: t(5) });
    expect(await apply("g2", "u1", 2)).not.toBe(first);
  });

  it("lists newest first, by group and status, in keyset pages with the total", async () => {
    for (let s = 1; s <= 5; s++) await apply("g1", `u${s}`, s);
    await apply("g2", "u9", 9);
    const first = await listModel(db, { groupId: "g1", status: "pending", sort: "newest", limit: 2 });
    expect(first.total).toBe(5);
    expect(first.more).toBe(true);
    expect(first.rows.map((r) => r.requester_id)).toEqual(["u5", "u4"]);
    const last = first.rows[1];
    const next = await listModel(db, {
      groupId: "g1",
      status: "pending",
      sort: "newest",
      limit: 10,
      after: { createdAt: last.created_at, id: Number(last.id) },
    });
    expect(next.rows.map((r) => r.requester_id)).toEqual(["u3", "u2", "u1"]);
    expect((await listModel(db, { status: "pending", sort: "newest", limit: 10 })).total).toBe(6);
  });

  it("lists oldest first when asked, and pages through a tie of created_at by id in either order", async () => {
    // u2, u3 and u4 applied in the same second: a page of two ends inside the tie in both orders.
    const ids = [
      await apply("g1", "u1", 1),
      await apply("g1", "u2", 2),
      await apply("g1", "u3", 2),
      await apply("g1", "u4", 2),
      await apply("g1", "u5", 3),
    ];
    const walk = async (sort: "newest" | "oldest") => {
      const seen: string[] = [];
      let after: { createdAt: string; id: number } | undefined;
      for (;;) {
        const page = await listModel(db, { groupId: "g1", status: "pending", sort, limit: 2, after });
        expect(page.total).toBe(5);
        seen.push(...page.rows.map((r) => String(r.id)));
        const last = page.rows.at(-1);
        if (!page.more || !last) return seen;
        after = { createdAt: last.created_at, id: Number(last.id) };
      }
    };
    expect(await walk("oldest")).toEqual(ids);
    expect(await walk("newest")).toEqual([...ids].reverse());
    // Without a sort, newest first as before.
    expect((await listModel(db, { groupId: "g1", status: "pending", sort: "newest", limit: 5 })).rows.map((r) => String(r.id))).toEqual(
      [...ids].reverse(),
    );
  });

  it("two decisions on one application: exactly one wins, the other sees the winner's row", async () => {
    const id = await apply("g1", "u1", 1);
    const a = await decide(db, id, { status: "approved", by: "a@x.test", at: t(10) });
    const b = await decide(db, id, { status: "refused", by: "b@x.test", at: t(11), reason: "no" });
    expect(a.won).toBe(true);
    expect(b).toMatchObject({ won: false, row: { status: "approved", handled_by: "a@x.test" } });
    expect(await decide(db, "999", { status: "approved", by: "a@x.test", at: t(1) })).toEqual({ won: false, row: null });
    expect(await decide(db, "not-a-number", { status: "approved", by: "a@x.test", at: t(1) })).toEqual({ won: false, row: null });
  });

  it("a decision whose IM call failed is taken back, unless the requester applied anew meanwhile", async () => {
    const id = await apply("g1", "u1", 1);
    await decide(db, id, { status: "approved", by: "a@x.test", at: t(10) });
    await undoDecision(db, id, "someone-else@x.test");
    expect((await inboxRow(db, id))?.status).toBe("approved");
    await undoDecision(db, id, "a@x.test");
    expect(await inboxRow(db, id)).toMatchObject({ status: "pending", handled_by: null, handled_at: null });

    await decide(db, id, { status: "refused", by: "a@x.test", at: t(12) });
    const renewed = await apply("g1", "u1", 13);
    expect(renewed).not.toBe(id);
    await undoDecision(db, id, "a@x.test");
    expect((await inboxRow(db, id))?.status).toBe("closed");
    expect((await inboxRow(db, renewed))?.status).toBe("pending");
  });

  it("requesters who got in are approved by whoever let them in; a dismissed group's applications close", async () => {
    const a = await apply("g1", "u1", 1);
    await apply("g1", "u2", 2);
    await apply("g2", "u1", 3);
    const settled = await settleJoined(db, "g1", ["u1", "u3"], "owner_1", t(20));
    expect(settled.map((r) => String(r.id))).toEqual([a]);
    expect(await inboxRow(db, a)).toMatchObject({ status: "approved", handled_by: "owner_1", handled_at: t(20) });
    expect(Object.fromEntries(await inboxPendingCounts(db))).toEqual({ g1: 1, g2: 1 });
    expect(await closeGroupApplications(db, "g1", t(30))).toBe(1);
    expect(Object.fromEntries(await inboxPendingCounts(db, "g1"))).toEqual({ g1: 0 });
    expect((await listModel(db, { groupId: "g1", status: "pending", sort: "newest", limit: 10 })).total).toBe(0);
  });
});
