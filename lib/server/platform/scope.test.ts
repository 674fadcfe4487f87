import { expect, it, vi } from "vitest";
import { GET as listApplicationsRoute } from "@/app/api/applications/route";
import { POST as bulkRoute } from "@/app/api/applications/bulk/route";
import { GET as listGroupsRoute } from "@/app/api/groups/route";
import { GET as jobRoute } from "@/app/api/jobs/[id]/route";
import { GET as jobsRoute } from "@/app/api/jobs/route";
import { POST as dryRunRoute } from "@/app/api/rules/dry-run/route";
import { GET as rulesRoute, POST as createRuleRoute } from "@/app/api/rules/route";
import { GET as statsRoute } from "@/app/api/stats/moderation/route";
import { GET as viewsRoute, POST as createViewRoute } from "@/app/api/views/route";
import type { SessionUser } from "@/lib/schemas/user";
import { queryDirectory } from "@/lib/server/directory";
import { listGroupsQuerySchema } from "@/lib/schemas/group";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { consoleUser, daysAgo, group, jsonRequest, seedApplication, seedGroups } from "@/lib/server/testing/rules";
import { scopedUser } from "@/lib/server/testing/scopes";

// Lists and counts of a scoped user hold their groups alone (docs/scopes.md § Lists and counts): the same data
// read by someone who sees every group, and by a moderator scoped to two of three groups.

let me: SessionUser;
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));
// A job is started here, not run: its runner's own tests run jobs.
vi.mock("@/lib/server/jobs/runner", async (actual) => ({ ...(await actual<object>()), kickJobs: () => undefined }));
const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };
const none = { params: Promise.resolve({}) };
const get = async (route: typeof listGroupsRoute, path: string) => (await route(jsonRequest(path, "GET"), none)).json();
const post = async (route: typeof bulkRoute, path: string, body: unknown) => {
  const res = await route(jsonRequest(path, "POST", body), none);
  return { status: res.status, body: await res.json() };
};

describeEachStore("a scoped user's lists and counts", (kind) => {
  let db!: TestStore;
  let everyone!: SessionUser;
  let scoped!: SessionUser;
  freshStoreEachTest(kind, (store) => {
    db = store;
    // The console's inbox is the applications' source here; profiles are not needed.
    holder.__groupConsole = { db: store, im: { capabilities: async () => ({ applications: false }), getProfiles: async () => new Map() } };
  });

  /** Three groups, two in the scope; each with one pending application and one refused two days ago. */
  async function world() {
    await seedGroups(db, [group("g1", "Public", "Hikers"), group("g2", "Work", "Readers"), group("g3", "Public", "Hidden hikers")]);
    for (const g of ["g1", "g2", "g3"]) {
      await seedApplication(db, { groupId: g, requesterId: `${g}-new`, message: "hello", status: "pending", createdAt: daysAgo(0) });
      await seedApplication(db, { groupId: g, requesterId: `${g}-old`, status: "refused", createdAt: daysAgo(2) });
    }
    everyone = await consoleUser(db, "moderator", "all@scopes.test");
    scoped = await scopedUser(db, "moderator", ["g1", "g2"]);
  }

  it("the groups list, its search, its filters and its total hold their groups (the directory's own function too)", async () => {
    await world();
    me = everyone;
    expect((await get(listGroupsRoute, "/api/groups")).total).toBe(3);
    me = scoped;
    const listed = await get(listGroupsRoute, "/api/groups?sort=name");
    expect([listed.total, listed.items.map((g: { id: string }) => g.id)]).toEqual([2, ["g1", "g2"]]);
    expect((await get(listGroupsRoute, "/api/groups?q=hikers")).items.map((g: { id: string }) => g.id)).toEqual(["g1"]);
    expect((await get(listGroupsRoute, "/api/groups?type=Public")).total).toBe(1);
    // What an export of the list calls, with the asker: the same groups.
    const page = await queryDirectory(db, listGroupsQuerySchema.parse({}), { scope: { groupIds: ["g3"] } });
    expect(page.items.map((g) => g.id)).toEqual(["g3"]);
    expect((await queryDirectory(db, listGroupsQuerySchema.parse({}), { scope: { groupIds: [] } })).total).toBe(0);
  });

  it("the queue and its total, a filter naming another group, and a saved view's count", async () => {
    await world();
    me = scoped;
    const queue = await get(listApplicationsRoute, "/api/applications?status=all&sort=oldest");
    expect(queue.total).toBe(4);
    expect(new Set(queue.items.map((a: { groupId: string }) => a.groupId))).toEqual(new Set(["g1", "g2"]));
    expect(await get(listApplicationsRoute, "/api/applications?groupId=g3")).toMatchObject({ items: [], total: 0 });
    expect((await post(createViewRoute, "/api/views", { name: "All", filters: { status: "all" } })).body.count).toBe(4);
    expect((await get(viewsRoute, "/api/views")).items[0].count).toBe(4);
  });

  it("'refused before' counts refusals in their groups alone", async () => {
    await world();
    await seedApplication(db, { groupId: "g3", requesterId: "roamer", status: "refused", createdAt: daysAgo(3) });
    await seedApplication(db, { groupId: "g1", requesterId: "roamer", status: "pending", createdAt: daysAgo(0) });
    const flags = async () => (await get(listApplicationsRoute, "/api/applications?requesterId=roamer")).items[0].flags;
    me = everyone;
    expect(await flags()).toContain("refusedBefore");
    me = scoped;
    expect(await flags()).not.toContain("refusedBefore");
  });

  it("statistics count their groups alone", async () => {
    await world();
    me = everyone;
    expect(await get(statsRoute, "/api/stats/moderation")).toMatchObject({ pending: 3, received: 6, refused: 3 });
    me = scoped;
    const stats = await get(statsRoute, "/api/stats/moderation");
    expect(stats).toMatchObject({ pending: 2, received: 4, refused: 2 });
    expect(stats.perGroup.map((g: { groupId: string }) => g.groupId).sort()).toEqual(["g1", "g2"]);
  });

  it("a job's filter selects within their groups; a job reaching beyond another user's scope is not theirs to see", async () => {
    await world();
    me = scoped;
    const started = await post(bulkRoute, "/api/applications/bulk", { filter: {}, action: "refuse", expectTotal: 2 });
    expect(started.status).toBe(202);
    const job = started.body.job;
    expect(job.total).toBe(2);
    expect((await post(bulkRoute, "/api/applications/bulk", { filter: { groupId: "g3" }, action: "refuse" })).status).toBe(422);
    me = everyone;
    const everyones = (await post(bulkRoute, "/api/applications/bulk", { filter: { groupId: "g3" }, action: "approve" })).body.job;
    expect((await get(jobsRoute, "/api/jobs")).items).toHaveLength(2);
    me = scoped;
    expect((await get(jobsRoute, "/api/jobs")).items.map((j: { id: string }) => j.id)).toEqual([job.id]);
    const hidden = await jobRoute(jsonRequest(`/api/jobs/${everyones.id}`, "GET"), { params: Promise.resolve({ id: everyones.id }) });
    expect([hidden.status, (await hidden.json()).error.details.reason.key]).toEqual([404, "jobNotFound"]);
    // Scoped to one group now: the job over two groups is no longer theirs either.
    me = await scopedUser(db, "moderator", ["g1"], "one@scopes.test");
    expect((await get(jobsRoute, "/api/jobs")).items).toEqual([]);
  });

  it("rules: only those scoped inside their groups; a dry run reads their groups, and another group is unknown to it", async () => {
    await world();
    me = await consoleUser(db, "admin", "admin@scopes.test");
    const when = { messageContainsAny: ["hello"] };
    for (const [name, scope] of [
      ["Mine", { groupIds: ["g1"] }],
      ["Beyond", { groupIds: ["g1", "g3"] }],
      ["Everywhere", {}],
    ] as const)
      expect((await post(createRuleRoute, "/api/rules", { name, scope, when, then: { action: "refuse" } })).status).toBe(201);
    me = scoped;
    expect((await get(rulesRoute, "/api/rules")).items.map((r: { name: string }) => r.name)).toEqual(["Mine"]);
    const rule = { name: "Try", scope: {}, when: {}, matchEverything: true, then: { action: "approve" } };
    const mine = await post(dryRunRoute, "/api/rules/dry-run", { rule, days: 7 });
    expect(mine.body).toMatchObject({ evaluated: 2, matched: 2 });
    const beyond = await post(dryRunRoute, "/api/rules/dry-run", { rule: { ...rule, scope: { groupIds: ["g3"] } }, days: 7 });
    expect([beyond.status, beyond.body.error.details.reason.key]).toEqual([422, "ruleUnknownGroups"]);
    me = everyone;
    expect((await post(dryRunRoute, "/api/rules/dry-run", { rule, days: 7 })).body).toMatchObject({ evaluated: 3 });
  });
});
