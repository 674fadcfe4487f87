import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { signedInApi } from "../support/api";
import { E2E } from "../support/env";

/**
 * Sessions end when they should, everywhere at once: a JWT in a cookie cannot be taken back by itself, so the
 * console checks each one against the user's session version and the tokens signed out.
 */
const run = Date.now().toString(36);
const PASSWORD = "correct-horse-battery";
let admin: APIRequestContext;
let n = 0;

test.beforeAll(async () => {
  admin = await signedInApi();
});
test.afterAll(() => admin.dispose());

async function newUser(role = "viewer"): Promise<{ id: string; email: string }> {
  const res = await admin.post("/api/users", { data: { email: `session-${run}-${n++}@e2e.test`, password: PASSWORD, role } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

/** What a request with this session gets: 200, or 401 and why the session ended. */
async function sessionOf(api: APIRequestContext): Promise<{ status: number; ended?: string }> {
  const res = await api.get("/api/me");
  if (res.status() === 200) return { status: 200 };
  const body = await res.json();
  expect(body.error.code).toBe("unauthenticated");
  return { status: res.status(), ended: body.error.details?.sessionEnded };
}

test("an admin sets a user's password: every session of that user ends at once, saying why", async () => {
  const user = await newUser();
  const [laptop, phone] = [await signedInApi(user.email, PASSWORD), await signedInApi(user.email, PASSWORD)];
  expect((await admin.patch(`/api/users/${user.id}`, { data: { password: "a-brand-new-password" } })).status()).toBe(200);
  expect(await sessionOf(laptop)).toEqual({ status: 401, ended: "password_reset" });
  expect(await sessionOf(phone)).toEqual({ status: 401, ended: "password_reset" });
  const again = await signedInApi(user.email, "a-brand-new-password");
  expect(await sessionOf(again)).toEqual({ status: 200 });
  await Promise.all([laptop.dispose(), phone.dispose(), again.dispose()]);
});

test("a user changes their own password: their other sessions end, the one they used goes on", async () => {
  const user = await newUser();
  const [laptop, phone] = [await signedInApi(user.email, PASSWORD), await signedInApi(user.email, PASSWORD)];
  const res = await laptop.patch("/api/me", { data: { currentPassword: PASSWORD, newPassword: "my-own-new-password" } });
  expect(res.status(), await res.text()).toBe(200);
  expect(await sessionOf(laptop)).toEqual({ status: 200 });
  expect(await sessionOf(phone)).toEqual({ status: 401, ended: "password_changed" });
  await Promise.all([laptop.dispose(), phone.dispose()]);
});

test("a role change or disabling ends the user's sessions; enabling again does not bring them back", async () => {
  const user = await newUser("moderator");
  const before = await signedInApi(user.email, PASSWORD);
  expect((await admin.patch(`/api/users/${user.id}`, { data: { role: "viewer" } })).status()).toBe(200);
  expect(await sessionOf(before)).toEqual({ status: 401, ended: "role_changed" });
  const after = await signedInApi(user.email, PASSWORD);
  expect((await admin.patch(`/api/users/${user.id}`, { data: { disabled: true } })).status()).toBe(200);
  expect(await sessionOf(after)).toEqual({ status: 401, ended: "disabled" });
  expect((await admin.patch(`/api/users/${user.id}`, { data: { disabled: false } })).status()).toBe(200);
  expect(await sessionOf(after)).toEqual({ status: 401, ended: "disabled" });
  // A change of name only ends nothing.
  const fresh = await signedInApi(user.email, PASSWORD);
  expect((await admin.patch(`/api/users/${user.id}`, { data: { name: "Renamed" } })).status()).toBe(200);
  expect(await sessionOf(fresh)).toEqual({ status: 200 });
  await Promise.all([before.dispose(), after.dispose(), fresh.dispose()]);
});

test("sign out everywhere ends every other session of the account, and keeps this one", async () => {
  const user = await newUser();
  const [here, elsewhere] = [await signedInApi(user.email, PASSWORD), await signedInApi(user.email, PASSWORD)];
  const res = await here.post("/api/me/sign-out-everywhere");
  expect(res.status(), await res.text()).toBe(200);
  expect(await sessionOf(here)).toEqual({ status: 200 });
  expect(await sessionOf(elsewhere)).toEqual({ status: 401, ended: "signed_out_everywhere" });
  const entries = (await (await admin.get(`/api/audit?action=user.update&actor=${encodeURIComponent(user.email)}`)).json()).items;
  expect(entries[0]).toMatchObject({ target: user.email, after: { otherSessionsEnded: true }, result: "ok" });
  await Promise.all([here.dispose(), elsewhere.dispose()]);
});

test("signing out ends the session for good: a copy of its cookie no longer works", async () => {
  const user = await newUser();
  const browser = await signedInApi(user.email, PASSWORD);
  const stolen = await request.newContext({ baseURL: E2E.baseUrl, storageState: await browser.storageState() });
  expect(await sessionOf(stolen)).toEqual({ status: 200 });
  const { csrfToken } = await (await browser.get("/api/auth/csrf")).json();
  await browser.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  expect(await sessionOf(browser)).toEqual({ status: 401 });
  expect(await sessionOf(stolen)).toEqual({ status: 401 });
  // Asking next-auth to renew the copy gets a cookie with a new JWT ID: it is the same ended session all the same.
  await stolen.get("/api/auth/session");
  expect(await sessionOf(stolen)).toEqual({ status: 401 });
  await Promise.all([browser.dispose(), stolen.dispose()]);
});
