import { expect, it, vi } from "vitest";
import { PATCH as patchRoute } from "@/app/api/rules/[id]/route";
import { PUT as switchRoute } from "@/app/api/rules/enabled/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/rules/route";
import type { Rule } from "@/lib/schemas/rule";
import type { SessionUser } from "@/lib/schemas/user";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { consoleUser, daysAgo, group, jsonRequest, minutesAgo, seedApplication, seedGroups } from "@/lib/server/testing/rules";
import { decideByRules, recordMatch, type Candidate } from "./evaluate";

// Rules deciding one arriving application from the store (docs/rules.md § Deciding an arrival): counts read from
// the applications model as of the arrival, disabled rules passed over, first match wins, the switch and
// RULES_ENABLED=0 stop everything, an edit on any instance is seen at the next application.

let me: SessionUser;
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));

const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };
const none = { params: Promise.resolve({}) };

describeEachStore("rules deciding an arrival", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => {
    db = store;
    holder.__groupConsole = { db: store, im: {} };
  });
  const make = async (body: object): Promise<Rule> => {
    const res = await createRoute(jsonRequest("/api/rules", "POST", { enabled: true, ...body }), none);
    expect(res.status).toBe(201);
    return (await res.json()).rule;
  };
  const arrival = (over: Partial<Candidate> = {}): Candidate => ({
    groupId: "g1",
    groupType: "Public",
    requesterId: "u_new",
    message: "hello",
    createdAt: new Date().toISOString(),
    ...over,
  });

  it("first enabled match wins, in position order; disabled rules are passed over; none → null", async () => {
    me = await consoleUser(db, "admin");
    expect(await decideByRules(arrival())).toBeNull();
    const hold = await make({ name: "Hold hellos", when: { messageContainsAny: ["HELLO"] }, then: { action: "hold" } });
    const approve = await make({ name: "Staff", when: { requesterPrefix: "staff_" }, then: { action: "approve" }, position: 0 });
    await make({ name: "Off", enabled: false, matchEverything: true, then: { action: "refuse" }, position: 0 });
    expect(await decideByRules(arrival())).toEqual({ rule: { id: hold.id, name: "Hold hellos" }, action: "hold" });
    expect(await decideByRules(arrival({ requesterId: "staff_1" }))).toMatchObject({ rule: { id: approve.id }, action: "approve" });
    expect(await decideByRules(arrival({ message: "bye" }))).toBeNull();
  });

  it("refusals (any group, this group) and bursts are counted from the model as of the arrival", async () => {
    me = await consoleUser(db, "admin");
    await seedGroups(db, [group("g1"), group("g2")]);
    const twice = await make({
      name: "Refused twice",
      when: { refusedAtLeast: { count: 2, days: 30 } },
      then: { action: "refuse", reason: "Again?" },
    });
    const here = await make({
      name: "Refused here",
      when: { refusedAtLeast: { count: 1, days: 30, sameGroup: true } },
      then: { action: "hold" },
    });
    const burst = await make({ name: "Burst", when: { burst: { atLeast: 3, minutes: 10 } }, then: { action: "hold" } });
    const refused = (groupId: string, handledDaysAgo: number) =>
      seedApplication(db, {
        groupId,
        requesterId: "u_bad",
        status: "refused",
        createdAt: daysAgo(handledDaysAgo + 1),
        handledAt: daysAgo(handledDaysAgo),
      });
    await refused("g2", 40); // too long ago
    await refused("g2", 3);
    expect(await decideByRules(arrival({ requesterId: "u_bad" }))).toBeNull();
    await refused("g1", 2);
    expect(await decideByRules(arrival({ requesterId: "u_bad" }))).toEqual({
      rule: { id: twice.id, name: "Refused twice" },
      action: "refuse",
      reason: "Again?",
    });
    expect(await decideByRules(arrival({ requesterId: "u_bad", groupId: "g2" }))).toMatchObject({ rule: { id: twice.id } });
    // As of an arrival 20 days ago, only the refusal 40 days ago had happened: one, in another group.
    expect(await decideByRules(arrival({ requesterId: "u_bad", createdAt: daysAgo(20) }))).toBeNull();
    // Refused once, in this group: the second rule.
    await seedApplication(db, { groupId: "g1", requesterId: "u_once", status: "refused", createdAt: daysAgo(2), handledAt: daysAgo(1) });
    expect(await decideByRules(arrival({ requesterId: "u_once" }))).toEqual({
      rule: { id: here.id, name: "Refused here" },
      action: "hold",
    });
    expect(await decideByRules(arrival({ requesterId: "u_once", groupId: "g2" }))).toBeNull();
    // Third rule: the group's arrivals in the last 10 minutes, this one included (counted once, recorded or not).
    await seedApplication(db, { groupId: "g1", requesterId: "a", status: "pending", createdAt: minutesAgo(30) });
    await seedApplication(db, { groupId: "g1", requesterId: "b", status: "approved", createdAt: minutesAgo(5) });
    await seedApplication(db, { groupId: "g2", requesterId: "c", status: "pending", createdAt: minutesAgo(1) });
    expect(await decideByRules(arrival())).toBeNull();
    const id = await seedApplication(db, { groupId: "g1", requesterId: "u_new", status: "pending", createdAt: minutesAgo(1) });
    expect(await decideByRules(arrival({ id, createdAt: minutesAgo(1) }))).toBeNull();
    expect(await decideByRules(arrival({ requesterId: "u_next" }))).toEqual({ rule: { id: burst.id, name: "Burst" }, action: "hold" });
  });

  it("the switch and RULES_ENABLED=0 pause every rule; edits are seen at the next application; matches are counted", async () => {
    me = await consoleUser(db, "admin");
    const rule = await make({ name: "All", matchEverything: true, then: { action: "hold" } });
    expect(await decideByRules(arrival())).not.toBeNull();
    await switchRoute(jsonRequest("/api/rules/enabled", "PUT", { enabled: false }), none);
    expect(await decideByRules(arrival())).toBeNull();
    await switchRoute(jsonRequest("/api/rules/enabled", "PUT", { enabled: true }), none);
    process.env.RULES_ENABLED = "0";
    try {
      expect(await decideByRules(arrival())).toBeNull();
    } finally {
      delete process.env.RULES_ENABLED;
    }
    expect(await decideByRules(arrival())).toMatchObject({ action: "hold" });
    await patchRoute(jsonRequest(`/api/rules/${rule.id}`, "PATCH", { version: 1, then: { action: "approve" } }), {
      params: Promise.resolve({ id: rule.id }),
    });
    expect(await decideByRules(arrival())).toMatchObject({ action: "approve" });
    // Another instance's write, straight into the store, is picked up by its new generation.
    await db.run("UPDATE rules SET enabled = 0");
    await db.run("UPDATE directory_state SET value = 'elsewhere' WHERE key = 'rules.generation'");
    expect(await decideByRules(arrival())).toBeNull();

    const at = new Date("2026-03-01T10:00:00.000Z");
    await recordMatch(rule.id, at);
    await recordMatch(rule.id, at);
    const [listed] = (await (await listRoute(jsonRequest("/api/rules", "GET"), none)).json()).items;
    expect(listed).toMatchObject({ version: 2, stats: { matched: 2, lastMatchedAt: at.toISOString() } });
  });
});
