import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Store } from "../store/db";
import { closeGroupApplications, decide, inboxPendingCounts, inboxRow, listInbox, recordApplication, settleJoined, undoDecision } from "./repo";

let dir: string;
let db: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "inbox-"));
  db = openDb(path.join(dir, "console.sqlite"));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s)).toISOString();
const apply = (groupId: string, requesterId: string, s: number, message = `hi ${s}`) => String(recordApplication(db, { groupId, requesterId, message, at: t(s) }));

describe("the console's own inbox", () => {
  it("keeps one pending application per requester and group: applying again updates it", () => {
    const first = apply("g1", "u1", 1, "first");
    const again = apply("g1", "u1", 5, "second");
    expect(again).toBe(first);
    expect(inboxRow(db, first)).toMatchObject({ message: "second", created_at: t(5), status: "pending" });
    // An older report arriving late changes nothing.
    apply("g1", "u1", 3, "stale");
    expect(inboxRow(db, first)).toMatchObject({ message: "second", created_at: t(5) });
    expect(apply("g2", "u1", 2)).not.toBe(first);
  });

  it("lists newest first, by group and status, in keyset pages with the total", () => {
    for (let s = 1; s <= 5; s++) apply("g1", `u${s}`, s);
    apply("g2", "u9", 9);
    const first = listInbox(db, { groupId: "g1", status: "pending", limit: 2 });
    expect(first.total).toBe(5);
    expect(first.more).toBe(true);
    expect(first.rows.map((r) => r.requester_id)).toEqual(["u5", "u4"]);
    const last = first.rows[1];
    const next = listInbox(db, { groupId: "g1", status: "pending", limit: 10, after: { createdAt: last.created_at, id: last.id } });
    expect(next.rows.map((r) => r.requester_id)).toEqual(["u3", "u2", "u1"]);
    expect(listInbox(db, { status: "pending", limit: 10 }).total).toBe(6);
  });

  it("two decisions on one application: exactly one wins, the other sees the winner's row", () => {
    const id = apply("g1", "u1", 1);
    const a = decide(db, id, { status: "approved", by: "a@x.test", at: t(10) });
    const b = decide(db, id, { status: "refused", by: "b@x.test", at: t(11), reason: "no" });
    expect(a.won).toBe(true);
    expect(b).toMatchObject({ won: false, row: { status: "approved", handled_by: "a@x.test" } });
    expect(decide(db, "999", { status: "approved", by: "a@x.test", at: t(1) })).toEqual({ won: false, row: null });
    expect(decide(db, "not-a-number", { status: "approved", by: "a@x.test", at: t(1) })).toEqual({ won: false, row: null });
  });

  it("a decision whose IM call failed is taken back, unless the requester applied anew meanwhile", () => {
    const id = apply("g1", "u1", 1);
    decide(db, id, { status: "approved", by: "a@x.test", at: t(10) });
    undoDecision(db, id, "someone-else@x.test");
    expect(inboxRow(db, id)?.status).toBe("approved");
    undoDecision(db, id, "a@x.test");
    expect(inboxRow(db, id)).toMatchObject({ status: "pending", handled_by: null, handled_at: null });

    decide(db, id, { status: "refused", by: "a@x.test", at: t(12) });
    const renewed = apply("g1", "u1", 13);
    expect(renewed).not.toBe(id);
    undoDecision(db, id, "a@x.test");
    expect(inboxRow(db, id)?.status).toBe("closed");
    expect(inboxRow(db, renewed)?.status).toBe("pending");
  });

  it("requesters who got in are approved by whoever let them in; a dismissed group's applications close", () => {
    const a = apply("g1", "u1", 1);
    apply("g1", "u2", 2);
    apply("g2", "u1", 3);
    const settled = settleJoined(db, "g1", ["u1", "u3"], "owner_1", t(20));
    expect(settled.map((r) => String(r.id))).toEqual([a]);
    expect(inboxRow(db, a)).toMatchObject({ status: "approved", handled_by: "owner_1", handled_at: t(20) });
    expect(Object.fromEntries(inboxPendingCounts(db))).toEqual({ g1: 1, g2: 1 });
    expect(closeGroupApplications(db, "g1", t(30))).toBe(1);
    expect(Object.fromEntries(inboxPendingCounts(db, "g1"))).toEqual({ g1: 0 });
    expect(listInbox(db, { groupId: "g1", status: "pending", limit: 10 }).total).toBe(0);
  });
});
