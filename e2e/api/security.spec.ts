// Longer than 250 lines: the security review's answers side by side (sessions on every route, the role
// matrix, cross-site refusal, the page policy, secrets in the build), sharing one route discovery.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { anonymousApi, signedInApi } from "../support/api";
import { E2E } from "../support/env";

/**
 * What an attacker would try: calling the API without a session or with a forged one, making a signed-in
 * browser send a mutation from another site, injecting script through a group name, framing the console,
 * and reading secrets out of what the browser downloads. (Roles per route: role-matrix.spec.ts; sign-in
 * throttling: users-audit.spec.ts.)
 */
const run = Date.now().toString(36);
const nope = "no-such-thing-for-security";

// ---- Every route handler on disk, so a route added tomorrow is covered without editing this file. ----

type Route = { method: string; path: string };
/** No session by design: next-auth itself, liveness and readiness probes, and the IM server's webhook. */
const WITHOUT_SESSION = [/^\/api\/auth\//, /^\/api\/health$/, /^\/api\/ready$/, /^\/api\/im\/callback$/];
const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

/**
 * Each route file's path (with an ID that does not exist for each [param]) and the methods it answers, as its
 * OPTIONS tells them: every other method is exported too, to answer 405. The catch-all for unknown paths
 * answers OPTIONS 404, and so adds none.
 */
async function discoverRoutes(api: APIRequestContext): Promise<Route[]> {
  const routes: Route[] = [];
  for (const file of routeFiles(path.join("app", "api"))) {
    const segments = path
      .dirname(file)
      .split(path.sep)
      .slice(1)
      .map((s) => (s.startsWith("[...") ? "session" : s.startsWith("[") ? nope : s));
    const p = `/${segments.join("/")}`;
    const allow = (await api.fetch(p, { method: "OPTIONS" })).headers()["allow"] ?? "";
    for (const method of allow.split(/,\s*/)) if (MUTATIONS.has(method) || method === "GET") routes.push({ method, path: p });
  }
  return routes;
}

let ROUTES: Route[] = [];
let GUARDED: Route[] = [];

/** Routes that end the caller's other sessions: run as a throwaway user, never as the admin every test shares. */
const ENDS_OWN_SESSIONS = new Set(["/api/me/sign-out-everywhere"]);

let admin: APIRequestContext;
let anonymous: APIRequestContext;
let throwaway: APIRequestContext;
test.beforeAll(async () => {
  admin = await signedInApi();
  anonymous = await anonymousApi();
  ROUTES = await discoverRoutes(anonymous);
  GUARDED = ROUTES.filter((r) => !WITHOUT_SESSION.some((p) => p.test(r.path)));
  const email = `security-${run}@e2e.test`;
  expect((await admin.post("/api/users", { data: { email, password: "security-password", role: "viewer" } })).status()).toBe(201);
  throwaway = await signedInApi(email, "security-password");
});
test.afterAll(async () => {
  await admin.dispose();
  await anonymous.dispose();
  await throwaway.dispose();
});

test("every API route but sign-in, health, readiness and the webhook needs a session: 401 in the contract, never a redirect", async () => {
  expect(GUARDED.length, JSON.stringify(ROUTES)).toBeGreaterThanOrEqual(25);
  for (const { method, path: p } of GUARDED) {
    const res = await anonymous.fetch(p, { method, data: MUTATIONS.has(method) ? {} : undefined, maxRedirects: 0 });
    expect(res.status(), `${method} ${p}`).toBe(401);
    expect(await res.json(), `${method} ${p}`).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  }
  expect((await anonymous.get("/api/health")).status()).toBe(200);
});

test("a tampered or made-up session cookie counts as no session", async () => {
  const { cookies } = await admin.storageState();
  const session = cookies.find((c) => c.name.includes("session-token"));
  expect(session, "the admin has a session cookie").toBeTruthy();
  const flipped = session!.value.slice(0, -4) + (session!.value.endsWith("AAAA") ? "BBBB" : "AAAA");
  for (const value of [flipped, "not-a-jwt", session!.value.split(".").reverse().join(".")]) {
    const res = await anonymous.get("/api/me", { headers: { cookie: `${session!.name}=${value}` } });
    expect(res.status()).toBe(401);
    const page = await anonymous.get("/groups", { headers: { cookie: `${session!.name}=${value}` }, maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers().location).toContain("/login?from=%2Fgroups");
  }
});

test("a mutation sent from another site is refused (403) before it does anything; without Origin or from the console itself it goes through", async () => {
  const mutations = GUARDED.filter((r) => MUTATIONS.has(r.method));
  expect(mutations.length).toBeGreaterThanOrEqual(15);
  type Entry = { id: string; requestId: string };
  const newest = async (): Promise<Entry | undefined> => (await (await admin.get("/api/audit?limit=1")).json()).items[0];
  /** Entries written since `since` (other specs write too, in parallel: they are told apart by request ID). */
  const entriesSince = async (since: Entry | undefined): Promise<Entry[]> => {
    const found: Entry[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await (
        await admin.get(`/api/audit?limit=100${cursor ? `&cursor=${cursor}` : ""}`)
      ).json();
      const fresh = page.items.filter((e) => !since || Number(e.id) > Number(since.id));
      found.push(...fresh);
      cursor = fresh.length === page.items.length ? page.nextCursor : null;
    } while (cursor);
    return found;
  };
  const before = await newest();
  const refused = new Set<string>();
  for (const { method, path: p } of mutations) {
    for (const origin of ["https://evil.example", "null", `http://localhost:${E2E.port + 1}`, `http://attacker.localhost:${E2E.port}`]) {
      const res = await admin.fetch(p, { method, data: {}, headers: { origin } });
      expect(res.status(), `${method} ${p} from ${origin}`).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
      refused.add(res.headers()["x-request-id"]);
    }
  }
  expect(refused.size).toBe(mutations.length * 4);
  const recorded = (await entriesSince(before)).filter((e) => refused.has(e.requestId));
  expect(recorded, "refused before anything was recorded").toEqual([]);
  // Past the origin check, these empty bodies and unknown IDs are refused for what they are (404, 422), or the
  // crawl starts (202): never 403.
  for (const { method, path: p } of mutations) {
    const caller = ENDS_OWN_SESSIONS.has(p) ? throwaway : admin;
    for (const headers of [{}, { origin: E2E.baseUrl }] as Record<string, string>[]) {
      const res = await caller.fetch(p, { method, data: {}, headers });
      expect(res.status(), `${method} ${p} with ${JSON.stringify(headers)}: ${await res.text()}`).not.toBe(403);
      expect(res.status()).toBeLessThan(500);
    }
  }
});

// ---- Headers ----

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

const PAGES = ["/groups", "/groups/tokyo-react", "/applications", "/audit", "/users", "/account"];

test("API answers carry nosniff, a Referrer-Policy and a no-framing policy, errors included", async () => {
  for (const res of [await admin.get("/api/groups?limit=1"), await anonymous.get("/api/me"), await admin.get(`/api/groups/${nope}`)]) {
    const h = res.headers();
    expect(h["x-content-type-options"], res.url()).toBe("nosniff");
    expect(h["referrer-policy"]).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(h["x-frame-options"]).toBe("DENY");
    const csp = directives(h["content-security-policy"] ?? "");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("default-src"), "an API answer loads nothing").toEqual(["'none'"]);
  }
});

test("every page has a nonce-based Content-Security-Policy as strict as Next allows, and every script carries the nonce", async () => {
  const nonces = new Set<string>();
  const pages: [APIRequestContext, string][] = [
    [anonymous, "/login"],
    ...PAGES.map((p): [APIRequestContext, string] => [admin, p]),
    [admin, "/groups"],
  ];
  for (const [who, p] of pages) {
    const res = await who.get(p, { maxRedirects: 0 });
    expect(res.status(), p).toBe(200);
    const h = res.headers();
    expect(h["x-content-type-options"], p).toBe("nosniff");
    expect(h["referrer-policy"], p).toBeTruthy();
    const csp = directives(h["content-security-policy"] ?? "");
    const script = csp.get("script-src") ?? [];
    const nonce = script.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, `${p}: ${h["content-security-policy"]}`).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    nonces.add(nonce!);
    expect(script).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'"]));
    expect(script, "no inline or eval'd script").not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, p).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, p).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size, "a fresh nonce for every response").toBe(pages.length);
});

// ---- In the browser ----

type Watched = { page: Page; violations: string[]; dialogs: string[]; bodies: Map<string, Promise<string>>; close: () => Promise<void> };

/** A signed-in admin's tab that records CSP violations, dialogs, and everything it downloads from the console. */
async function adminTab(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({ baseURL: E2E.baseUrl, storageState: E2E.adminState });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const violations: string[] = [];
  const dialogs: string[] = [];
  const bodies = new Map<string, Promise<string>>();
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("response", (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (res.url().startsWith(E2E.baseUrl) && !type.includes("event-stream"))
      bodies.set(
        res.url(),
        res.body().then(
          (b) => b.toString("latin1"),
          () => "",
        ),
      );
  });
  return { page, violations, dialogs, bodies, close: () => context.close() };
}

async function pageViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test("under that policy every page hydrates, live updates stream, https faces load and nothing is blocked; nothing downloaded holds a secret, a UserSig or the IM server's address", async ({
  browser,
}) => {
  const face = await admin.post("/api/groups", {
    data: { type: "Public", name: `Face ${run}`, faceUrl: "https://faces.e2e.test/group.png" },
  });
  expect(face.status()).toBe(201);
  const faced: { id: string } = await face.json();
  const tab = await adminTab(browser);
  const { page } = tab;

  const stream = page.waitForResponse((r) => r.url().endsWith("/api/events"));
  await page.goto("/groups");
  expect((await stream).status()).toBe(200);
  // Hydrated: a client-side dialog opens.
  await page.getByRole("button", { name: "New group" }).click();
  await expect(page.getByRole("dialog", { name: "New group" })).toBeVisible();
  await page.keyboard.press("Escape");

  for (const p of [
    ...PAGES,
    "/applications?status=approved",
    `/groups/${encodeURIComponent("@TGS#_demo-community")}`,
    `/groups/${encodeURIComponent(faced.id)}`,
  ]) {
    await page.goto(p);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await pageViolations(page), p).toEqual([]);
  }
  // A face on a FACE_HOSTS host (the test console lists faces.e2e.test) is shown, and the policy lets it load.
  await expect(page.locator('img[src="https://faces.e2e.test/group.png"]')).toHaveCount(1);
  expect(await pageViolations(page)).toEqual([]);
  expect(tab.violations).toEqual([]);

  // Everything this tab downloaded from the console: HTML, scripts, styles, RSC payloads, API answers.
  expect(tab.bodies.size).toBeGreaterThan(10);
  for (const [url, body] of tab.bodies) expect(leaks(await body), url).toEqual([]);
  await tab.close();
});

test("a group name holding HTML and script is shown as text everywhere and never runs", async ({ browser }) => {
  const name = "<img src=x onerror=alert(1)><script>alert(2)</script>";
  const res = await admin.post("/api/groups", { data: { type: "Public", name } });
  expect(res.status()).toBe(201);
  const { id } = await res.json();
  const tab = await adminTab(browser);
  const { page } = tab;

  await page.goto(`/groups?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("table").getByText(name, { exact: true })).toBeVisible();
  await page.goto(`/groups/${encodeURIComponent(id)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await page.goto(`/audit?groupId=${encodeURIComponent(id)}`);
  await expect(page.getByRole("table").getByText(name).first()).toBeVisible();

  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(tab.dialogs, "no alert ever fired").toEqual([]);
  await tab.close();
});

// ---- Secrets ----

function secretsOfTheTestConsole(): string[] {
  const secrets = JSON.parse(readFileSync(path.join(E2E.dataDir, "secrets.json"), "utf8")) as Record<string, string>;
  return Object.values(secrets).filter((v) => v.length >= 16);
}

/** What must never reach a browser: secret values, a UserSig, the IM server's address. */
function leaks(text: string): string[] {
  const needles = [...secretsOfTheTestConsole(), `127.0.0.1:${E2E.imPort}`, `localhost:${E2E.imPort}`, "127.0.0.1:5080", "localhost:5080"];
  const found = needles.filter((n) => text.includes(n)).map((n) => (secretsOfTheTestConsole().includes(n) ? "a secret value" : n));
  if (/usersig/i.test(text)) found.push("usersig");
  return found;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test("the browser bundle holds no secret, no UserSig, no IM server address and no server configuration", () => {
  const staticDir = path.join(process.env.NEXT_DIST_DIR || ".next", "static");
  const all = files(staticDir);
  expect(all.length).toBeGreaterThan(10);
  for (const file of all) {
    const text = readFileSync(file, "latin1");
    const found = leaks(text);
    for (const name of ["IM_SECRET_KEY", "NEXTAUTH_SECRET", "IM_CALLBACK_TOKEN", "IM_BASE_URL", "IM_SERVER_PORT"])
      if (text.includes(name)) found.push(name);
    expect(found, path.relative(staticDir, file)).toEqual([]);
  }
});
