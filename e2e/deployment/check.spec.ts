import { execFileSync } from "node:child_process";
import path from "node:path";
import { request, type APIRequestContext, type Page } from "@playwright/test";
import type { LoginPage } from "../pages/login-page";
import { expect, test } from "../pages/fixtures";

// The deployment check (npm run check:deployment -- <url>): a running console this suite did not start, read as
// a viewer and never changed. Each test is one line of the report, and each runs whatever the others found.

/** Signs in as the check's viewer through the form, and waits until the console has let them in. */
async function signIn(login: LoginPage, page: Page, from?: string) {
  const email = process.env.CHECK_EMAIL;
  const password = process.env.CHECK_PASSWORD;
  if (!email || !password) throw new Error("Set CHECK_EMAIL and CHECK_PASSWORD to a viewer account of the deployment");
  await login.goto(from);
  await login.signIn(email, password);
  await expect(page, `signed in as ${email}`).not.toHaveURL(/\/login/);
}

let anonymous: APIRequestContext;
test.beforeAll(async ({ baseURL }) => {
  anonymous = await request.newContext({ baseURL });
});
test.afterAll(() => anonymous.dispose());

test("health and readiness: the console lives, and reaches its store and its IM server", async () => {
  const health = await anonymous.get("/api/health");
  expect(health.status(), "GET /api/health").toBe(200);
  const ready = await anonymous.get("/api/ready");
  const body = await ready.json().catch(() => null);
  const why = body?.error ? `${body.error.code}: ${body.error.message}` : JSON.stringify(body);
  expect(ready.status(), `GET /api/ready answered ${ready.status()} (${why})`).toBe(200);
});

test("a call without a session is refused with 401 in the error contract", async () => {
  const res = await anonymous.get("/api/groups");
  expect(res.status()).toBe(401);
  expect((await res.json()).error?.code, "the error code").toBe("unauthenticated");
});

test("security headers: pages carry a nonce policy that no frame may embed; API answers load nothing", async () => {
  const page = await anonymous.get("/login");
  const policy = page.headers()["content-security-policy"] ?? "";
  expect(policy, "the sign-in page's Content-Security-Policy").toMatch(/script-src [^;]*'nonce-[^']+'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(page.headers()["x-content-type-options"]).toBe("nosniff");
  expect(page.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const api = await anonymous.get("/api/health");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("sign-in: the viewer signs in through the form and lands on the dashboard", async ({ login, page }) => {
  await signIn(login, page);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Moderation dashboard" })).toBeVisible();
});

test("the groups list shows groups, and one group's page opens", async ({ login, groups, page }) => {
  await signIn(login, page, "/groups");
  await groups.goto();
  await expect(groups.rows().first()).toBeVisible();
  const id = await groups.openFirstGroup();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(id);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the inbox answers", async ({ login, inbox, page }) => {
  await signIn(login, page, "/applications");
  await inbox.goto();
  await inbox.expectLoaded();
});

test("the API it serves is the one this build has: same version, same routes and methods", async ({ login, page }) => {
  await signIn(login, page, "/api-docs");
  const answer = await page.request.get("/api/openapi.json");
  expect(answer.status(), "GET /api/openapi.json").toBe(200);
  const served = await answer.json();
  const expected = JSON.parse(
    execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/deployment/expected-api.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    }),
  );
  const operations = (doc: { paths: Record<string, Record<string, unknown>> }) =>
    Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
  expect(served.info?.version, `the deployment runs version ${served.info?.version}; this build is ${expected.info.version}`).toBe(
    expected.info.version,
  );
  const [have, want] = [operations(served), operations(expected)];
  expect({ missing: want.filter((o) => !have.includes(o)), unexpected: have.filter((o) => !want.includes(o)) }).toEqual({
    missing: [],
    unexpected: [],
  });
});
