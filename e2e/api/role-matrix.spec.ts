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
const callers: Partial<Record<Role | "anonymous", APIRequestContext>> = {};

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
