import { expect, it, vi } from "vitest";
import { PATCH as patchUserRoute } from "@/app/api/users/[id]/route";
import { GET as listUsersRoute } from "@/app/api/users/route";
import { GET as eventsRoute } from "@/app/api/events/route";
import type { SessionUser } from "@/lib/schemas/user";
import { checkToken, claimsForSignIn } from "@/lib/server/auth/session";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { consoleUser, group, jsonRequest, seedGroups } from "@/lib/server/testing/rules";
import { imNeverAsked, scopedUser } from "@/lib/server/testing/scopes";
import { findUserById } from "@/lib/server/users/repo";
import { publishEvent } from "@/lib/server/live/bus";

// An admin sets a user's scope (docs/scopes.md § Setting a scope): known groups only, never on an admin, audited,
// and held from the user's next request; every bad scope is a 422 in the error contract with nothing changed.

let me: SessionUser;
/** The claims an event stream's cookie carries; like the cookie's, checked against the store at each look. */
let streamToken: ReturnType<typeof claimsForSignIn>;
vi.mock("@/lib/server/auth/session", async (actual) => {
  const real = await actual<typeof import("@/lib/server/auth/session")>();
  return {
    ...real,
    currentUser: async () => me,
    requireUser: async () => me,
    watchSession: async (holds: (now: SessionUser) => boolean) => async () => {
      const { user } = await real.checkToken(holder.__groupConsole!.db, streamToken);
      return user !== null && holds(user);
    },
  };
});
const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };

describeEachStore("setting a user's scope", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => {
    db = store;
    holder.__groupConsole = { db: store, im: imNeverAsked };
  });
  const patch = async (id: string, body: unknown) => {
    const res = await patchUserRoute(jsonRequest(`/api/users/${id}`, "PATCH", body), { params: Promise.resolve({ id }) });
    return { status: res.status, body: await res.json() };
  };
  const storedScope = async (id: string) =>
    (await db.get<{ scope: string | null }>("SELECT scope FROM users WHERE id = ?", [Number(id)]))?.scope;

  it("an admin scopes a moderator to two groups: shown in the list, audited, and the moderator's next request carries it", async () => {
    await seedGroups(db, [group("g1"), group("g2")]);
    me = await consoleUser(db, "admin");
    const mo = await consoleUser(db, "moderator");
    const token = { ...claimsForSignIn((await findUserById(db, mo.id))!) };
    expect((await checkToken(db, token)).user?.scope).toBeNull();

    const changed = await patch(mo.id, { scope: { groupIds: ["g1", "g2"] } });
    expect(changed).toMatchObject({ status: 200, body: { id: mo.id, scope: { groupIds: ["g1", "g2"] } } });
    const listed = await (await listUsersRoute(jsonRequest("/api/users", "GET"), { params: Promise.resolve({}) })).json();
    expect(listed.items.find((u: { id: string }) => u.id === mo.id).scope).toEqual({ groupIds: ["g1", "g2"] });
    const audit = await db.get<{ action: string; before: string; after: string }>(
      "SELECT action, before, after FROM audit WHERE action = 'user.update'",
    );
    expect(audit && [audit.action, JSON.parse(audit.before), JSON.parse(audit.after)]).toEqual([
      "user.update",
      { scope: null },
      { scope: { groupIds: ["g1", "g2"] } },
    ]);
    // Same session, not signed out: the next request simply sees two groups; and back to every group.
    expect((await checkToken(db, token)).user?.scope).toEqual({ groupIds: ["g1", "g2"] });
    expect((await patch(mo.id, { scope: null })).body.scope).toBeNull();
    expect((await checkToken(db, token)).user?.scope).toBeNull();
  });

  it("a moderator's open event stream ends the moment their scope changes, and the browser's reconnect gets the new one", async () => {
    await seedGroups(db, [group("g1"), group("g2")]);
    const admin = await consoleUser(db, "admin");
    me = await consoleUser(db, "moderator");
    streamToken = claimsForSignIn((await findUserById(db, me.id))!);
    const stream = (await eventsRoute(jsonRequest("/api/events", "GET"), { params: Promise.resolve({}) })).body!.getReader();
    expect(new TextDecoder().decode((await stream.read()).value)).toContain(": connected");

    const moderator = me;
    me = admin;
    expect((await patch(moderator.id, { scope: { groupIds: ["g1"] } })).status).toBe(200);
    // Ended now, not at the next heartbeat 15 s on: nothing of g2 reaches it meanwhile.
    publishEvent({ type: "group.updated", groupId: "g2" });
    expect((await stream.read()).done).toBe(true);
  });

  it("refuses unknown groups (naming them), repeats, empty or oversized scopes and bad IDs, with nothing changed", async () => {
    await seedGroups(db, [group("g1")]);
    me = await consoleUser(db, "admin");
    const mo = await consoleUser(db, "moderator");
    const unknown = await patch(mo.id, { scope: { groupIds: ["g1", "nope", "gone"] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({
      code: "validation",
      message: "The scope names groups the console does not know: nope, gone",
      details: { unknownGroupIds: ["nope", "gone"], reason: { key: "scopeUnknownGroups" } },
    });
    for (const scope of [
      { groupIds: ["g1", "g1"] },
      { groupIds: [] },
      { groupIds: Array.from({ length: 1001 }, (_, i) => `g${i}`) },
      { groupIds: ["群"] },
      { groupIds: "g1" },
      { ids: ["g1"] },
      ["g1"],
    ])
      expect((await patch(mo.id, { scope })).status, JSON.stringify(scope).slice(0, 60)).toBe(422);
    expect(await storedScope(mo.id)).toBeNull();
    expect(await db.all("SELECT * FROM audit WHERE result = 'ok'")).toEqual([]);
  });

  it("admins are never scoped; a scoped user becomes an admin only with scope: null in the same request", async () => {
    await seedGroups(db, [group("g1")]);
    me = await consoleUser(db, "admin");
    const other = await consoleUser(db, "admin", "other-admin@scopes.test");
    const onAdmin = await patch(other.id, { scope: { groupIds: ["g1"] } });
    expect([onAdmin.status, onAdmin.body.error.details.reason.key]).toEqual([422, "scopeAdmin"]);
    const mo = await scopedUser(db, "moderator", ["g1"]);
    const promoted = await patch(mo.id, { role: "admin" });
    expect([promoted.status, promoted.body.error.details.reason.key]).toEqual([422, "scopedToAdmin"]);
    const both = await patch(mo.id, { role: "admin", scope: { groupIds: ["g1"] } });
    expect([both.status, both.body.error.details.reason.key]).toEqual([422, "scopeAdmin"]);
    expect((await db.get<{ role: string }>("SELECT role FROM users WHERE id = ?", [Number(mo.id)]))?.role).toBe("moderator");
    expect(await patch(mo.id, { role: "admin", scope: null })).toMatchObject({ status: 200, body: { role: "admin", scope: null } });
  });

  it("only an admin sets a scope", async () => {
    await seedGroups(db, [group("g1")]);
    const viewer = await consoleUser(db, "viewer");
    me = await consoleUser(db, "moderator");
    expect((await patch(viewer.id, { scope: { groupIds: ["g1"] } })).status).toBe(403);
    expect(await storedScope(viewer.id)).toBeNull();
  });
});
