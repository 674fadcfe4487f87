import { expect, test, type APIRequestContext } from "@playwright/test";
import { anonymousApi, signedInApi } from "../support/api";
import { E2E } from "../support/env";

/**
 * Every route × every role: the route handlers enforce roles (the UI only hides). A role below the route's
 * gets 403, a signed-out caller 401, and a role at or above it gets past authorization: whatever it gets
 * next (200, 404 for a missing group, 422 for a deliberately empty body) is never 401 or 403.
 */
type Role = "viewer" | "moderator" | "admin";
type Row = [method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, body: unknown, needs: Role];

const nope = "no-such-group-for-roles";
const ROUTES: Row[] = [
  ["GET", "/api/groups", undefined, "viewer"],
  ["POST", "/api/groups", { type: "Public", name: "" }, "admin"],
  ["GET", "/api/groups.csv", undefined, "viewer"],
  ["GET", `/api/groups/${nope}`, undefined, "viewer"],
  ["PATCH", `/api/groups/${nope}`, { name: "n" }, "admin"],
  ["DELETE", `/api/groups/${nope}`, undefined, "admin"],
  ["GET", `/api/groups/${nope}/events`, undefined, "viewer"],
  ["GET", `/api/groups/${nope}/members`, undefined, "viewer"],
  ["GET", `/api/groups/${nope}/members.csv`, undefined, "viewer"],
  ["POST", `/api/groups/${nope}/members`, { userIds: ["u_x"] }, "admin"],
  ["PATCH", `/api/groups/${nope}/members/u_x`, { role: "Admin" }, "admin"],
  ["DELETE", `/api/groups/${nope}/members/u_x`, undefined, "moderator"],
  ["POST", `/api/groups/${nope}/owner`, { userId: "u_x" }, "admin"],
  ["POST", `/api/groups/${nope}/notifications`, { content: "hi" }, "admin"],
  ["POST", `/api/groups/${nope}/dismissal`, {}, "admin"],
  ["DELETE", `/api/groups/${nope}/dismissal`, undefined, "admin"],
  ["GET", `/api/groups/${nope}/mutes`, undefined, "viewer"],
  ["POST", `/api/groups/${nope}/mutes`, { userIds: ["u_x"], seconds: 60 }, "moderator"],
  ["GET", `/api/groups/${nope}/bans`, undefined, "viewer"],
  ["POST", `/api/groups/${nope}/bans`, { userIds: ["u_x"], seconds: 60 }, "moderator"],
  ["DELETE", `/api/groups/${nope}/bans/u_x`, undefined, "moderator"],
  ["GET", `/api/groups/${nope}/messages`, undefined, "moderator"],
  ["POST", `/api/groups/${nope}/messages/recall`, { seqs: [1] }, "moderator"],
  ["POST", `/api/groups/${nope}/messages/purge`, { senderId: "u_x" }, "moderator"],
  ["GET", "/api/applications", undefined, "viewer"],
  ["POST", "/api/applications/999999999/approve", {}, "moderator"],
  ["POST", "/api/applications/999999999/refuse", {}, "moderator"],
  ["POST", "/api/applications/bulk", { ids: ["999999999"], action: "refuse" }, "moderator"],
  ["POST", "/api/applications/999999999/claim", {}, "moderator"],
  ["DELETE", "/api/applications/999999999/claim", undefined, "moderator"],
  ["POST", "/api/applications/999999999/reversal", {}, "admin"],
  ["GET", "/api/views", undefined, "viewer"],
  ["POST", "/api/views", {}, "viewer"],
  ["DELETE", "/api/views/999999999", undefined, "viewer"],
  ["GET", "/api/jobs", undefined, "viewer"],
  ["GET", "/api/jobs/999999999", undefined, "viewer"],
  ["DELETE", "/api/jobs/999999999", undefined, "moderator"],
  ["GET", "/api/stats/moderation", undefined, "viewer"],
  ["GET", "/api/rules", undefined, "moderator"],
  ["POST", "/api/rules", {}, "admin"],
  ["PATCH", "/api/rules/999999999", { version: 1, name: "x" }, "admin"],
  ["DELETE", "/api/rules/999999999", undefined, "admin"],
  // An empty body: the admin's call is refused (422) and the switch every story shares is left as it is.
  ["PUT", "/api/rules/enabled", {}, "admin"],
  ["POST", "/api/rules/dry-run", {}, "moderator"],
  ["GET", "/api/app-users/u_nobody_for_roles", undefined, "viewer"],
  ["POST", "/api/app-users/u_nobody_for_roles/notes", { text: "" }, "moderator"],
  ["DELETE", "/api/app-users/u_nobody_for_roles/notes/999999999", undefined, "moderator"],
  ["GET", "/api/audit", undefined, "admin"],
  ["GET", "/api/audit.csv", undefined, "admin"],
  ["GET", "/api/users", undefined, "admin"],
  ["POST", "/api/users", { email: "" }, "admin"],
  ["PATCH", "/api/users/999999999", { name: "x" }, "admin"],
  ["GET", "/api/me", undefined, "viewer"],
  ["PATCH", "/api/me", { theme: "system" }, "viewer"],
  ["GET", "/api/directory", undefined, "viewer"],
  ["POST", "/api/directory/crawl", {}, "admin"],
  ["GET", "/api/health/details", undefined, "admin"],
  ["GET", "/api/users/sign-in-failures", undefined, "admin"],
  ["POST", "/api/users/999999999/sso", { subject: "someone" }, "admin"],
  ["POST", "/api/me/sso-link", undefined, "viewer"],
  // POST /api/me/sign-out-everywhere (viewer) is not here: called as the admin every test shares, it would end
  // their sessions. sessions.spec.ts calls it as a throwaway user; security.spec.ts checks it needs a session.
];

const RANK: Record<Role, number> = { viewer: 0, moderator: 1, admin: 2 };
const callers: Partial<Record<Role | "anonymous" | "scoped", APIRequestContext>> = {};
/** The scope dimension (docs/scopes.md): a moderator scoped to `mine`, the oldest demo group; `other` is the next. */
const demo = { mine: "", other: "" };
const UNKNOWN_GROUP = { code: "not_found", message: "This group does not exist or has been dismissed" };

test.beforeAll(async () => {
  const admin = await signedInApi();
  const stamp = Date.now().toString(36);
  for (const role of ["viewer", "moderator"] as const) {
    const email = `${role}-${stamp}@roles.test`;
    const res = await admin.post("/api/users", { data: { email, name: role, password: "role-matrix-password", role } });
    expect(res.status(), `create ${role}`).toBe(201);
    callers[role] = await signedInApi(email, "role-matrix-password");
  }
  callers.admin = admin;
  callers.anonymous = await anonymousApi();
  const groups = (await (await admin.get("/api/groups?sort=created&limit=2")).json()).items as { id: string }[];
  expect(groups.length, "two demo groups").toBe(2);
  [demo.mine, demo.other] = groups.map((g) => g.id);
  const email = `scoped-${stamp}@roles.test`;
  const made = await admin.post("/api/users", { data: { email, name: "scoped", password: "role-matrix-password", role: "moderator" } });
  expect(made.status(), "create the scoped moderator").toBe(201);
  const scoped = await admin.patch(`/api/users/${(await made.json()).id}`, { data: { scope: { groupIds: [demo.mine] } } });
  expect(scoped.status(), "scope the moderator").toBe(200);
  callers.scoped = await signedInApi(email, "role-matrix-password");
});
test.afterAll(async () => {
  for (const c of Object.values(callers)) await c?.dispose();
});

for (const [method, path, body, needs] of ROUTES) {
  test(`${method} ${path} needs ${needs}`, async () => {
    for (const who of ["anonymous", "viewer", "moderator", "admin"] as const) {
      const res = await callers[who]!.fetch(path, { method, data: body, maxRedirects: 0 });
      const status = res.status();
      if (who === "anonymous") expect(status, `${who} ${method} ${path}`).toBe(401);
      else if (RANK[who] < RANK[needs]) expect(status, `${who} ${method} ${path}`).toBe(403);
      else expect([401, 403], `${who} ${method} ${path} got ${status}: ${await res.text()}`).not.toContain(status);
      if (status === 401 || status === 403) expect((await res.json()).error.code).toBe(status === 401 ? "unauthenticated" : "forbidden");
    }
  });
}

// Every group-bound row again, as the scoped moderator: another group's route is an unknown group's 404 (a route
// needing admin is 403 first, as for any moderator); their own group's reads answer as for any moderator.
const groupBound = ROUTES.filter(([, path]) => path.startsWith(`/api/groups/${nope}`));
for (const [method, path, body, needs] of groupBound) {
  test(`${method} ${path} for a scoped moderator: another group is unknown to them`, async () => {
    const other = path.replace(nope, encodeURIComponent(demo.other));
    const res = await callers.scoped!.fetch(other, { method, data: body, maxRedirects: 0 });
    if (RANK.moderator < RANK[needs]) expect(res.status(), `${method} ${other}`).toBe(403);
    else {
      expect(res.status(), `${method} ${other}: ${await res.text()}`).toBe(404);
      expect((await res.json()).error).toMatchObject(UNKNOWN_GROUP);
    }
    if (method !== "GET" || RANK.moderator < RANK[needs]) return;
    // Reads of their own group: what a moderator who sees every group gets.
    const mine = path.replace(nope, encodeURIComponent(demo.mine));
    const [theirs, anyones] = [await callers.scoped!.get(mine), await callers.moderator!.get(mine)];
    expect(theirs.status(), `GET ${mine}: ${await theirs.text()}`).toBe(anyones.status());
    expect(theirs.status()).not.toBe(404);
  });
}

test("a scoped moderator's lists, counts and exports hold their group alone, and another group's application is unknown", async () => {
  const scoped = callers.scoped!;
  const groups = await (await scoped.get("/api/groups")).json();
  expect([groups.total, groups.items.map((g: { id: string }) => g.id)]).toEqual([1, [demo.mine]]);
  // The export's rows, by their first cell (a formula-safe ID may start with ').
  const csv = await (await scoped.get("/api/groups.csv")).text();
  const rows = csv.split(/\r?\n/).slice(1).filter(Boolean);
  expect(rows.map((r) => r.split(",")[0].replace(/^"|"$/g, "").replace(/^'/, ""))).toEqual([demo.mine]);
  const queue = await (await scoped.get("/api/applications?status=all&limit=100")).json();
  for (const a of queue.items) expect(a.groupId).toBe(demo.mine);
  const stats = await (await scoped.get("/api/stats/moderation?days=90")).json();
  for (const g of stats.perGroup) expect(g.groupId).toBe(demo.mine);
  const theirs = await (await callers.admin!.get(`/api/applications?status=all&limit=1&groupId=${encodeURIComponent(demo.other)}`)).json();
  for (const a of theirs.items) {
    const claim = await scoped.post(`/api/applications/${a.id}/claim`, { data: {} });
    expect([claim.status(), (await claim.json()).error?.code]).toEqual([404, "not_found"]);
  }
});

test("the event stream answers 401 signed out and streams for a viewer", async () => {
  const anon = await fetch(`${E2E.baseUrl}/api/events`);
  expect(anon.status).toBe(401);
  const { cookies } = await callers.viewer!.storageState();
  const controller = new AbortController();
  const res = await fetch(`${E2E.baseUrl}/api/events`, {
    headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  controller.abort();
});
