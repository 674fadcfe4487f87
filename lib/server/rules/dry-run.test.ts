import { expect, it, vi } from "vitest";
import { POST as dryRunRoute } from "@/app/api/rules/dry-run/route";
import type { DryRunResult } from "@/lib/schemas/rule";
import type { SessionUser } from "@/lib/schemas/user";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import {
  consoleUser,
  daysAgo,
  group,
  jsonRequest,
  minutesAgo,
  seedApplication,
  seedGroups,
  type HistoryRow,
} from "@/lib/server/testing/rules";

// The dry run on a known history (docs/rules.md § Dry run): what an unsaved rule would have done with the
// applications people decided, the agreement counted, disagreements sampled first, counts as of each arrival.

let me: SessionUser;
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));

const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };
const none = { params: Promise.resolve({}) };

describeEachStore("rules dry run", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => {
    db = store;
    holder.__groupConsole = { db: store, im: {} };
  });
  const run = (body: unknown) => dryRunRoute(jsonRequest("/api/rules/dry-run", "POST", body), none);
  const result = async (body: unknown): Promise<DryRunResult> => {
    const res = await run(body);
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    return res.json();
  };
  const seed = async (rows: HistoryRow[]) => {
    const ids: string[] = [];
    for (const r of rows) ids.push(await seedApplication(db, r));
    return ids;
  };

  it("counts what the rule would do beside what people did: same, different, undecided; disagreements sampled first", async () => {
    me = await consoleUser(db, "moderator");
    await seedGroups(db, [group("g1", "Public", "Hikers")]);
    const base = { groupId: "g1", requesterId: "u1" };
    const [same, diffWide, diffOld, , ,] = await seed([
      { ...base, message: "SPAM offer", status: "refused", createdAt: daysAgo(1) },
      { ...base, message: "ｓｐａｍ", status: "approved", createdAt: daysAgo(2) },
      { ...base, message: "spam", status: "approved", createdAt: daysAgo(3) },
      { ...base, message: "hello", status: "refused", createdAt: daysAgo(1) },
      { ...base, message: "spam", status: "refused", createdAt: daysAgo(10) }, // before the period
      { ...base, message: "spam", status: "pending", createdAt: daysAgo(1) }, // not decided
      { ...base, message: "spam", status: "refused", createdAt: daysAgo(1), handledVia: "rule" }, // a rule's, not people's
      { ...base, message: "spam", status: "closed", createdAt: daysAgo(1) },
    ]);
    const spam = { name: "Spam", when: { messageContainsAny: ["spam"] }, then: { action: "refuse" } };
    const out = await result({ rule: spam, days: 7 });
    expect(out).toMatchObject({
      evaluated: 4,
      matched: 3,
      wouldApprove: 0,
      wouldRefuse: 3,
      wouldHold: 0,
      agreement: { same: 1, different: 2, undecided: 0 },
    });
    expect(out.samples.map((s) => [s.application.id, s.wouldDo, s.peopleDid])).toEqual([
      [diffWide, "refuse", "approve"],
      [diffOld, "refuse", "approve"],
      [same, "refuse", "refuse"],
    ]);
    expect(out.samples[0].application).toMatchObject({
      groupName: "Hikers",
      message: "ｓｐａｍ",
      status: "approved",
      handledVia: "console",
    });
    // Held: matched, neither agreeing nor not; the approving twin agrees where the refusing one did not.
    expect((await result({ rule: { ...spam, then: { action: "hold" } }, days: 7 })).agreement).toEqual({
      same: 0,
      different: 0,
      undecided: 3,
    });
    const approve = await result({ rule: { ...spam, then: { action: "approve" } }, days: 30 });
    expect(approve).toMatchObject({ evaluated: 5, matched: 4, wouldApprove: 4, agreement: { same: 2, different: 2, undecided: 0 } });
    expect(approve.samples.map((s) => s.peopleDid)).toEqual(["refuse", "refuse", "approve", "approve"]);
    // Nothing is saved by trying.
    expect(await db.all("SELECT id FROM rules")).toEqual([]);
  });

  it("takes counts as of each application's arrival: refusals before it, and the burst up to it", async () => {
    me = await consoleUser(db, "moderator");
    await seedGroups(db, [group("g1"), group("g2")]);
    // u_r: refused in g1 (arrived 6 days ago, refused 5 days ago), then approved in g2 three days ago.
    await seed([
      { groupId: "g1", requesterId: "u_r", status: "refused", createdAt: daysAgo(6), handledAt: daysAgo(5) },
      { groupId: "g2", requesterId: "u_r", status: "approved", createdAt: daysAgo(3) },
    ]);
    const refusedBefore = { name: "Refused before", when: { refusedAtLeast: { count: 1, days: 30 } }, then: { action: "refuse" } };
    expect(await result({ rule: refusedBefore, days: 7 })).toMatchObject({
      evaluated: 2,
      matched: 1,
      agreement: { same: 0, different: 1 },
    });
    const sameGroup = { ...refusedBefore, when: { refusedAtLeast: { count: 1, days: 30, sameGroup: true } } };
    expect(await result({ rule: sameGroup, days: 7 })).toMatchObject({ matched: 0 });
    const shortMemory = { ...refusedBefore, when: { refusedAtLeast: { count: 1, days: 1 } } };
    expect(await result({ rule: shortMemory, days: 7 })).toMatchObject({ matched: 0 });

    // A burst in g1 an hour ago: arrivals 20, 16 (still pending), 15 and 12 minutes before the hour.
    const t = (m: number) => minutesAgo(60 + m);
    await seed([
      { groupId: "g1", requesterId: "b1", status: "approved", createdAt: t(20) },
      { groupId: "g1", requesterId: "b2", status: "pending", createdAt: t(16) },
      { groupId: "g1", requesterId: "b3", status: "refused", createdAt: t(15) },
      { groupId: "g1", requesterId: "b4", status: "refused", createdAt: t(12) },
      { groupId: "g2", requesterId: "b5", status: "refused", createdAt: t(13) },
    ]);
    const burst = { name: "Burst", scope: { groupIds: ["g1"] }, when: { burst: { atLeast: 3, minutes: 10 } }, then: { action: "refuse" } };
    const out = await result({ rule: burst, days: 1 });
    expect(out).toMatchObject({ evaluated: 4, matched: 2, wouldRefuse: 2, agreement: { same: 2, different: 0, undecided: 0 } });
    expect(out.samples.map((s) => s.application.requesterId)).toEqual(["b4", "b3"]);
    expect(await result({ rule: { ...burst, when: { burst: { atLeast: 5, minutes: 10 } } }, days: 1 })).toMatchObject({ matched: 0 });
  });

  it("validates the rule as a save would, and days within 1–90; moderators may, viewers may not", async () => {
    me = await consoleUser(db, "moderator");
    const ok = { name: "x", when: { messageEmpty: true }, then: { action: "hold" } };
    expect((await result({ rule: ok, days: 90 })).evaluated).toBe(0);
    for (const body of [
      { rule: ok, days: 0 },
      { rule: ok, days: 91 },
      { rule: ok, days: 1.5 },
      { rule: ok },
      { rule: ok, days: 7, extra: 1 },
      { rule: { ...ok, when: {} }, days: 7 },
      { rule: { ...ok, position: 2 }, days: 7 },
      { rule: { ...ok, scope: { groupIds: ["unknown"] } }, days: 7 },
    ])
      expect((await run(body)).status, JSON.stringify(body)).toBe(422);
    me = await consoleUser(db, "viewer");
    expect((await run({ rule: ok, days: 7 })).status).toBe(403);
  });
});
