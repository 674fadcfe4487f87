import { expect, it, vi } from "vitest";
import { POST as approveRoute } from "@/app/api/applications/[id]/approve/route";
import { POST as claimRoute } from "@/app/api/applications/[id]/claim/route";
import { POST as bulkRoute } from "@/app/api/applications/bulk/route";
import { GET as groupEventsRoute } from "@/app/api/groups/[id]/events/route";
import { GET as groupRoute, PATCH as patchGroupRoute } from "@/app/api/groups/[id]/route";
import type { SessionUser } from "@/lib/schemas/user";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { group, jsonRequest, seedApplication, seedGroups } from "@/lib/server/testing/rules";
import { imNeverAsked, scopedUser, UNKNOWN_APPLICATION, UNKNOWN_GROUP } from "@/lib/server/testing/scopes";

// The route wrapper keeps a scoped user to their groups (docs/scopes.md § Routes): another group's routes, and
// another group's applications, answer word for word what an unknown one answers, before the IM server is asked.

let me: SessionUser;
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));
const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };
const idOf = (id: string) => ({ params: Promise.resolve({ id }) });
const none = { params: Promise.resolve({}) };

describeEachStore("scope in the route wrapper", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => {
    db = store;
    holder.__groupConsole = { db: store, im: imNeverAsked };
  });

  it("another group's routes are an unknown group's 404, before any IM call; their own group's answer as usual", async () => {
    await seedGroups(db, [group("mine"), group("theirs")]);
    me = await scopedUser(db, "moderator", ["mine"]);
    for (const [name, call] of [
      ["a group", () => groupRoute(jsonRequest("/api/groups/theirs", "GET"), idOf("theirs"))],
      ["its recent events", () => groupEventsRoute(jsonRequest("/api/groups/theirs/events", "GET"), idOf("theirs"))],
    ] as const) {
      const res = await call();
      expect(res.status, name).toBe(404);
      expect(await res.json(), name).toEqual(UNKNOWN_GROUP);
    }
    // A group that exists nowhere answers the same: nobody can tell the two apart.
    const nowhere = await groupEventsRoute(jsonRequest("/api/groups/nowhere/events", "GET"), idOf("nowhere"));
    expect([nowhere.status, await nowhere.json()]).toEqual([404, UNKNOWN_GROUP]);
    // Their own group's route runs (its events need the store alone).
    const own = await groupEventsRoute(jsonRequest("/api/groups/mine/events", "GET"), idOf("mine"));
    expect([own.status, await own.json()]).toEqual([200, { items: [] }]);
  });

  it("the role is checked first, and a bad body is 422 whatever the group: the same for a group out of scope as for an unknown one", async () => {
    await seedGroups(db, [group("mine"), group("theirs")]);
    me = await scopedUser(db, "moderator", ["mine"]);
    expect((await patchGroupRoute(jsonRequest("/api/groups/theirs", "PATCH", { name: "x" }), idOf("theirs"))).status).toBe(403);
    const bad = await approveRoute(jsonRequest("/api/applications/1/approve", "POST", { reason: 7 }), idOf("1"));
    expect(bad.status).toBe(422);
  });

  it("an application of another group is an unknown application to them, decided singly, claimed or in bulk; nothing changes", async () => {
    await seedGroups(db, [group("mine"), group("theirs")]);
    const at = new Date().toISOString();
    const theirs = await seedApplication(db, { groupId: "theirs", requesterId: "u1", status: "pending", createdAt: at });
    me = await scopedUser(db, "moderator", ["mine"]);
    for (const id of [theirs, "987654"]) {
      const approve = await approveRoute(jsonRequest(`/api/applications/${id}/approve`, "POST", {}), idOf(id));
      expect([approve.status, await approve.json()]).toEqual([404, UNKNOWN_APPLICATION]);
      const claim = await claimRoute(jsonRequest(`/api/applications/${id}/claim`, "POST", {}), idOf(id));
      expect([claim.status, await claim.json()]).toEqual([404, UNKNOWN_APPLICATION]);
    }
    const bulk = await bulkRoute(jsonRequest("/api/applications/bulk", "POST", { ids: [theirs], action: "refuse" }), none);
    expect(await bulk.json()).toEqual({ results: [{ id: theirs, ok: false, error: UNKNOWN_APPLICATION.error }] });
    const row = await db.get<{ status: string }>("SELECT status FROM inbox_applications WHERE id = ?", [Number(theirs)]);
    expect(row?.status).toBe("pending");
    expect(await db.all("SELECT * FROM application_claims")).toEqual([]);
    expect(await db.all("SELECT * FROM audit")).toEqual([]);
  });
});
