import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { GET } from "@/app/api/stats/moderation/route";
import type { ModerationStats } from "@/lib/schemas/stats";
import type { SessionUser } from "@/lib/schemas/user";
import { countSelection, type Selection } from "@/lib/server/applications/model/filters";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";

// The dashboard's figures through the real route (docs/contracts.md § Moderation statistics), over a week of
// known applications: what counts where, UTC days, medians, moderators, groups, and what is refused.

const me: SessionUser = { id: "1", email: "viewer@stats.test", name: "Viewer", role: "viewer" };
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));

const NOW = new Date("2026-03-10T12:00:00.000Z");
const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };

// Only Date is faked: the PostgreSQL driver's timers keep running.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterAll(() => vi.useRealTimers());

async function stats(query = ""): Promise<{ status: number; body: ModerationStats & { error?: { code: string } } }> {
  const res = await GET(new NextRequest(`http://console.test/api/stats/moderation${query}`), { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

type Row = { id: number; group: string; status: string; created: string; by?: string; handled?: string; via?: string };

describeEachStore("moderation statistics", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => {
    db = store;
    holder.__groupConsole = { db: store, im: {} };
  });

  const insert = (rows: Row[]) =>
    Promise.all(
      rows.map((r) =>
        db.run(
          `INSERT INTO inbox_applications (id, group_id, requester_id, message, status, created_at, handled_by, handled_at, handled_via)
           VALUES (?, ?, ?, '', ?, ?, ?, ?, ?)`,
          [r.id, r.group, `u${r.id}`, r.status, `2026-${r.created}Z`, r.by ?? null, r.handled ? `2026-${r.handled}Z` : null, r.via ?? null],
        ),
      ),
    );
  const group = (id: string, name: string) =>
    db.run(
      `INSERT INTO directory_groups (id, name, name_fold, type, member_count, max_member_count, join_option, introduction,
         notification, face_url, mute_all, support_topic, created_at, crawl_generation, updated_at)
       VALUES (?, ?, ?, 'Public', 1, 100, 'NeedPermission', '', '', '', 0, 0, '2026-01-01T00:00:00.000Z', 1, '2026-01-01T00:00:00.000Z')`,
      [id, name, name.toLowerCase()],
    );

  const week = async () => {
    for (const [email, name] of [
      ["aiko@stats.test", "Aiko Tanaka"],
      ["ben@stats.test", ""],
      ["carol@stats.test", "Carol, who decided nothing this week"],
    ])
      await db.run("INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, 'moderator', 'x', ?)", [
        email,
        name,
        NOW.toISOString(),
      ]);
    await group("g1", "Weekend Hikers");
    await group("g2", "東京 React");
    await insert([
      {
        id: 1,
        group: "g1",
        status: "approved",
        created: "03-09T10:00:00.000",
        by: "aiko@stats.test",
        handled: "03-09T10:01:00.000",
        via: "console",
      },
      {
        id: 2,
        group: "g1",
        status: "refused",
        created: "03-09T11:00:00.000",
        by: "aiko@stats.test",
        handled: "03-09T11:05:00.000",
        via: "console",
      },
      {
        id: 3,
        group: "g2",
        status: "approved",
        created: "03-08T00:00:00.000",
        by: "ben@stats.test",
        handled: "03-08T00:10:00.000",
        via: "console",
      },
      // Received late on the 7th (UTC), approved early on the 8th, by the group's owner in the app.
      { id: 4, group: "g2", status: "approved", created: "03-07T23:59:00.000", by: "u_owner", handled: "03-08T00:01:00.000", via: "app" },
      { id: 5, group: "g1", status: "refused", created: "03-10T09:00:00.000", by: "No links", handled: "03-10T09:00:00.500", via: "rule" },
      { id: 6, group: "g3", status: "pending", created: "03-10T08:00:00.000" },
      { id: 7, group: "g1", status: "pending", created: "03-05T00:00:00.000" },
      // Decided weeks ago: only a longer period sees it.
      {
        id: 8,
        group: "g1",
        status: "approved",
        created: "02-20T00:00:00.000",
        by: "aiko@stats.test",
        handled: "02-21T00:00:00.000",
        via: "console",
      },
      // Received before the week, refused in it (three days later).
      {
        id: 9,
        group: "g2",
        status: "refused",
        created: "03-01T00:00:00.000",
        by: "ben@stats.test",
        handled: "03-04T00:00:00.000",
        via: "console",
      },
      // Closed with its dismissed group: neither received (the queue never lists it) nor decided.
      { id: 10, group: "g3", status: "closed", created: "03-06T00:00:00.000", handled: "03-06T01:00:00.000" },
    ]);
  };

  it("counts a week: pending now, received by arrival, decided by decision, per UTC day", async () => {
    await week();
    const { status, body } = await stats();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      pending: 2,
      oldestPendingAt: "2026-03-05T00:00:00.000Z",
      received: 7,
      approved: 3,
      refused: 3,
      byRule: { approved: 0, refused: 1 },
    });
    expect(body.perDay).toEqual([
      { date: "2026-03-04", received: 0, approved: 0, refused: 1 },
      { date: "2026-03-05", received: 1, approved: 0, refused: 0 },
      { date: "2026-03-06", received: 0, approved: 0, refused: 0 },
      { date: "2026-03-07", received: 1, approved: 0, refused: 0 },
      { date: "2026-03-08", received: 1, approved: 2, refused: 0 },
      { date: "2026-03-09", received: 2, approved: 1, refused: 1 },
      { date: "2026-03-10", received: 2, approved: 0, refused: 1 },
    ]);
  });

  it("times decisions: the median and 90th percentile of every decision, the median of each moderator's", async () => {
    await week();
    const { body } = await stats("?days=7");
    // People's decisions, 60, 120, 300, 600 and 259,200 seconds (the rule's 0.5 s is left out: a rule decides as
    // the application arrives): the middle one, and 0.6 of the way from the 4th to the 5th.
    expect(body.medianDecisionSeconds).toBe(300);
    expect(body.p90DecisionSeconds).toBe(155_760);
    // Console decisions only (not the app's, not the rule's), of those who decided any; without a display name, the email.
    expect(body.perModerator).toEqual([
      { by: "aiko@stats.test", name: "Aiko Tanaka", approved: 1, refused: 1, medianDecisionSeconds: 180 },
      { by: "ben@stats.test", name: "ben@stats.test", approved: 1, refused: 1, medianDecisionSeconds: 129_900 },
    ]);
    expect(body.perGroup).toEqual([
      { groupId: "g1", groupName: "Weekend Hikers", received: 4, pending: 1 },
      { groupId: "g2", groupName: "東京 React", received: 2, pending: 0 },
      { groupId: "g3", groupName: "", received: 1, pending: 1 },
    ]);
  });

  it("each figure's queue view (the dashboard's links) selects exactly what the figure counts", async () => {
    await week();
    const { body } = await stats();
    const count = (s: Partial<Selection>) => countSelection(db, { status: "pending", ...s });
    const week_ = { since: "2026-03-04", until: "2026-03-10" };
    expect(await count({ status: "all", ...week_ })).toBe(body.received);
    expect(await count({ status: "approved", ...week_ })).toBe(body.approved);
    expect(await count({ status: "refused", ...week_ })).toBe(body.refused);
    for (const d of body.perDay) {
      const day = { since: d.date, until: d.date };
      expect([
        d.date,
        await count({ status: "all", ...day }),
        await count({ status: "approved", ...day }),
        await count({ status: "refused", ...day }),
      ]).toEqual([d.date, d.received, d.approved, d.refused]);
    }
    for (const m of body.perModerator) {
      expect(await count({ status: "approved", handledBy: m.by, ...week_ })).toBe(m.approved);
      expect(await count({ status: "refused", handledBy: m.by, ...week_ })).toBe(m.refused);
    }
    for (const g of body.perGroup) {
      expect(await count({ status: "all", groupId: g.groupId, ...week_ })).toBe(g.received);
      expect(await count({ groupId: g.groupId })).toBe(g.pending);
    }
    expect(await count({})).toBe(body.pending);
  });

  it("a longer period reaches further back, a day for each of its days", async () => {
    await week();
    const { body } = await stats("?days=30");
    expect(body.perDay).toHaveLength(30);
    expect(body.perDay[0].date).toBe("2026-02-09");
    expect(body).toMatchObject({ received: 9, approved: 4, refused: 3 });
    expect(body.perDay.find((d) => d.date === "2026-02-21")).toEqual({ date: "2026-02-21", received: 0, approved: 1, refused: 0 });
    expect(body.perModerator[0]).toMatchObject({ by: "aiko@stats.test", approved: 2, refused: 1, medianDecisionSeconds: 300 });
  });

  it("lists the 10 groups that received the most, most first", async () => {
    const rows: Row[] = [];
    let id = 0;
    for (let g = 1; g <= 12; g++)
      for (let i = 0; i < g; i++)
        rows.push({ id: ++id, group: `g${String(g).padStart(2, "0")}`, status: "pending", created: "03-10T10:00:00.000" });
    await insert(rows);
    const { body } = await stats("?days=1");
    expect(body.perGroup.map((g) => [g.groupId, g.received, g.pending])).toEqual(
      Array.from({ length: 10 }, (_, i) => [`g${String(12 - i).padStart(2, "0")}`, 12 - i, 12 - i]),
    );
    expect(body.perDay).toEqual([{ date: "2026-03-10", received: 78, approved: 0, refused: 0 }]);
  });

  it("with nothing to measure: zeros, empty lists, and null times", async () => {
    const { status, body } = await stats();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      pending: 0,
      oldestPendingAt: null,
      received: 0,
      approved: 0,
      refused: 0,
      byRule: { approved: 0, refused: 0 },
      medianDecisionSeconds: null,
      p90DecisionSeconds: null,
      perModerator: [],
      perGroup: [],
    });
    expect(body.perDay).toHaveLength(7);
    expect(body.perDay.every((d) => d.received + d.approved + d.refused === 0)).toBe(true);
  });

  it("refuses a period outside 1–90 days, or not a whole number of days, and unknown fields, with 422", async () => {
    for (const query of ["?days=0", "?days=91", "?days=abc", "?days=1.5", "?days=", "?colour=red"]) {
      const { status, body } = await stats(query);
      expect([query, status, body.error?.code]).toEqual([query, 422, "validation"]);
    }
    expect((await stats("?days=90")).status).toBe(200);
  });
});
