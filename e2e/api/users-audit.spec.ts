// Longer than 250 lines: managing console users and reading their audit trail are one story told in steps
// (a change, then its entry, filters and CSV), sharing the users it creates.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedInApi } from "../support/api";
import { parseCsv } from "../support/csv";
import { E2E } from "../support/env";
import { trySignIn } from "../support/sign-in-attempt";

// The e2e data directory lives for the whole run: every user and group here is unique to this run.
const run = Date.now().toString(36);
const emailFor = (who: string) => `${who}-${run}@e2e.test`;
const PASSWORD = "correct-horse-battery";

type User = { id: string; email: string; name: string; role: string; disabled: boolean; locale: string; theme: string };
type Entry = {
  id: string;
  action: string;
  actor: { id: string | null; email: string };
  groupId: string | null;
  target: string | null;
  before: unknown;
  after: unknown;
  result: string | null;
  requestId: string;
};

let admin: APIRequestContext;
test.beforeAll(async () => {
  admin = await signedInApi();
});
test.afterAll(() => admin.dispose());

async function addUser(who: string, role: string): Promise<User> {
  const res = await admin.post("/api/users", { data: { email: emailFor(who), password: PASSWORD, role } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

async function auditEntries(query: string): Promise<{ items: Entry[]; total: number; nextCursor: string | null }> {
  const res = await admin.get(`/api/audit?${query}`);
  expect(res.status()).toBe(200);
  return res.json();
}

test("an admin adds a console user: 201 in console shape, never the password; the same email again is 409", async () => {
  const email = emailFor("Kim");
  const res = await admin.post("/api/users", {
    data: { email: email.toUpperCase(), name: "Kim 金", password: PASSWORD, role: "moderator" },
  });
  expect(res.status()).toBe(201);
  const user = await res.json();
  expect(user).toEqual({
    id: expect.any(String),
    email: email.toLowerCase(),
    name: "Kim 金",
    role: "moderator",
    disabled: false,
    locale: "en",
    theme: "system",
    scope: null,
  });

  const dup = await admin.post("/api/users", { data: { email, password: PASSWORD, role: "viewer" } });
  expect(dup.status()).toBe(409);
  expect((await dup.json()).error).toEqual({
    code: "conflict",
    message: `A console user with the email ${email.toLowerCase()} already exists`,
  });

  const list = await (await admin.get("/api/users?limit=100")).json();
  expect(list).toEqual({ items: expect.any(Array), nextCursor: null, total: expect.any(Number) });
  expect(list.items.find((u: User) => u.id === user.id)).toEqual(user);

  // Newest first: the refused duplicate, then the creation.
  const entries = (await auditEntries(`action=user.create&actor=${encodeURIComponent(E2E.admin.email)}&limit=100`)).items.filter(
    (e) => e.target === email.toLowerCase(),
  );
  expect(entries).toMatchObject([
    { result: "conflict", after: { email: email.toLowerCase(), role: "viewer" } },
    { result: "ok", before: null, after: { id: user.id, email: email.toLowerCase(), role: "moderator" } },
  ]);
  expect(JSON.stringify(entries)).not.toContain(PASSWORD);
});

const badUsers: [string, Record<string, unknown>, string][] = [
  ["a password under 10 characters", { email: emailFor("short"), password: "short", role: "viewer" }, "password"],
  ["an invalid email", { email: "not-an-email", password: PASSWORD, role: "viewer" }, "email"],
  ["an unknown role", { email: emailFor("owner"), password: PASSWORD, role: "owner" }, "role"],
  ["no password", { email: emailFor("nopass"), role: "viewer" }, "password"],
  ["an extra field", { email: emailFor("extra"), password: PASSWORD, role: "viewer", superuser: true }, ""],
];

for (const [what, body, path] of badUsers) {
  test(`adding a user with ${what} is 422 in the error contract, naming the field`, async () => {
    const res = await admin.post("/api/users", { data: body });
    expect(res.status()).toBe(422);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: "validation", message: expect.any(String), details: { fields: expect.any(Array) } });
    expect(error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
  });
}

test("viewers and moderators are refused (403) on every admin route, and still own their profile", async () => {
  for (const role of ["viewer", "moderator"]) {
    const user = await addUser(`lesser-${role}`, role);
    const api = await signedInApi(user.email, PASSWORD);
    const calls = [
      api.get("/api/users"),
      api.post("/api/users", { data: { email: emailFor("sneaky"), password: PASSWORD, role: "admin" } }),
      api.patch(`/api/users/${user.id}`, { data: { role: "admin" } }),
      api.get("/api/audit"),
      api.get("/api/audit.csv"),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status(), `${role} ${res.url()}`).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    const me = await api.get("/api/me");
    expect(await me.json()).toEqual(user);
    const patched = await api.patch("/api/me", { data: { locale: "ja", theme: "dark", name: "自分" } });
    expect(patched.status()).toBe(200);
    expect(await patched.json()).toMatchObject({ locale: "ja", theme: "dark", name: "自分", role });
    const bad = await api.patch("/api/me", { data: { locale: "fr" } });
    expect(bad.status()).toBe(422);
    await api.dispose();
  }
});

test("an admin cannot demote or disable themself, and is told why", async () => {
  const me: User = await (await admin.get("/api/me")).json();
  for (const [change, words] of [
    [{ role: "moderator" }, "your own role"],
    [{ disabled: true }, "your own account"],
  ] as const) {
    const res = await admin.patch(`/api/users/${me.id}`, { data: change });
    expect(res.status()).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("validation");
    expect(error.message).toContain(words);
  }
  expect(await (await admin.get("/api/me")).json()).toMatchObject({ role: "admin", disabled: false });
});

test("an admin changes another user's role and password, disables and enables them; each change is audited without secrets", async () => {
  const user = await addUser("changes", "viewer");
  const res = await admin.patch(`/api/users/${user.id}`, { data: { role: "moderator", password: "a-brand-new-password" } });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ id: user.id, role: "moderator" });

  const { items } = await auditEntries(`action=user.update&limit=100`);
  const entry = items.find((e) => e.target === user.email);
  expect(entry).toMatchObject({
    result: "ok",
    actor: { email: E2E.admin.email },
    before: { role: "viewer" },
    after: { role: "moderator", passwordChanged: true },
  });
  expect(JSON.stringify(entry)).not.toMatch(/a-brand-new-password|\$2[aby]\$/);

  const api = await signedInApi(user.email, "a-brand-new-password");
  expect((await api.get("/api/me")).status()).toBe(200);
  expect((await admin.patch(`/api/users/${user.id}`, { data: { disabled: true } })).status()).toBe(200);
  // A disabled user's session stops working at once, not when it expires, and enabling them again does not
  // bring it back: they sign in anew.
  expect((await api.get("/api/me")).status()).toBe(401);
  expect((await admin.patch(`/api/users/${user.id}`, { data: { disabled: false } })).status()).toBe(200);
  expect((await api.get("/api/me")).status()).toBe(401);
  await api.dispose();
  const again = await signedInApi(user.email, "a-brand-new-password");
  expect((await again.get("/api/me")).status()).toBe(200);
  await again.dispose();

  expect((await admin.patch("/api/users/999999999", { data: { role: "viewer" } })).status()).toBe(404);
  expect((await admin.patch("/api/users/not-an-id", { data: { role: "viewer" } })).status()).toBe(404);
  expect((await admin.patch(`/api/users/${user.id}`, { data: {} })).status()).toBe(422);
});

test("changing one's own password needs the current one", async () => {
  const user = await addUser("own-password", "viewer");
  const api = await signedInApi(user.email, PASSWORD);
  const missing = await api.patch("/api/me", { data: { newPassword: "another-long-password" } });
  expect(missing.status()).toBe(422);
  expect((await missing.json()).error.details.fields[0].path).toBe("currentPassword");
  const wrong = await api.patch("/api/me", { data: { currentPassword: "not-my-password", newPassword: "another-long-password" } });
  expect(wrong.status()).toBe(422);
  expect((await wrong.json()).error.message).toBe("Your current password is not correct");
  const ok = await api.patch("/api/me", { data: { currentPassword: PASSWORD, newPassword: "another-long-password" } });
  expect(ok.status()).toBe(200);
  await api.dispose();
  expect((await trySignIn(user.email, "another-long-password")).signedIn).toBe(true);
  expect((await trySignIn(user.email, PASSWORD)).signedIn).toBe(false);
});

test("creating a group is audited with its result and after; a refused create records the error code", async () => {
  const id = `audit-${run}`;
  const name = `Audit "quoted", 読書会`;
  expect((await admin.post("/api/groups", { data: { type: "Meeting", name, id } })).status()).toBe(201);
  expect((await admin.post("/api/groups", { data: { type: "Meeting", name: "again", id } })).status()).toBe(409);

  const page = await auditEntries(`groupId=${encodeURIComponent(id)}`);
  expect(page.total).toBe(2);
  const [refused, created] = page.items;
  expect(Number(refused.id)).toBeGreaterThan(Number(created.id));
  expect(refused).toMatchObject({ action: "group.create", groupId: id, result: "conflict", after: { name: "again" } });
  expect(created).toMatchObject({
    action: "group.create",
    groupId: id,
    result: "ok",
    before: null,
    actor: { email: E2E.admin.email },
    after: { id, name, type: "Meeting" },
  });
  expect(created.actor.id).toEqual(expect.any(String));
  expect(created.requestId).toMatch(/^[0-9a-f-]{36}$/);

  const byAction = await auditEntries(
    `action=group.create&groupId=${encodeURIComponent(id)}&actor=${encodeURIComponent(E2E.admin.email.toUpperCase())}`,
  );
  expect(byAction.total).toBe(2);
  expect((await auditEntries(`action=group.dismiss&groupId=${encodeURIComponent(id)}`)).total).toBe(0);
});

test("the audit log pages newest first with a keyset cursor, and refuses bad queries", async () => {
  // A group of this test's own: other stories write to the log at the same time, so its whole total moves.
  const made = await admin.post("/api/groups", { data: { type: "Public", name: `Audit paging ${Date.now()}` } });
  expect(made.status()).toBe(201);
  const { id } = await made.json();
  for (const introduction of ["first change", "second change"])
    expect((await admin.patch(`/api/groups/${encodeURIComponent(id)}`, { data: { introduction } })).status()).toBe(200);
  const only = `groupId=${encodeURIComponent(id)}`;
  const first = await auditEntries(`${only}&limit=2`);
  expect(first.total).toBe(3);
  expect(first.items.map((e: { action: string }) => e.action)).toEqual(["group.update", "group.update"]);
  expect(first.nextCursor).toEqual(expect.any(String));
  const second = await auditEntries(`${only}&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
  expect(Number(second.items[0].id)).toBeLessThan(Number(first.items[1].id));
  expect(second.items.map((e: { action: string }) => e.action)).toEqual(["group.create"]);
  expect(second.nextCursor).toBeNull();
  expect(second.total).toBe(first.total);
  // Empty filters are no filters.
  expect((await auditEntries(`${only}&actor=&action=`)).total).toBe(3);

  for (const [query, status] of [
    ["cursor=bogus", 400],
    ["action=group.explode", 422],
    ["limit=0", 422],
    ["limit=101", 422],
  ] as const) {
    const res = await admin.get(`/api/audit?${query}`);
    expect(res.status(), query).toBe(status);
  }
  // A users-list cursor is not an audit cursor.
  expect((await admin.get(`/api/audit?cursor=${Buffer.from("users:5").toString("base64url")}`)).status()).toBe(400);
});

test("the CSV export: a BOM, the exact header row, RFC 4180 quoting, an attachment named by date", async () => {
  const id = `csv-${run}`;
  const name = `CSV "quoted", 中文, 日本語`;
  expect((await admin.post("/api/groups", { data: { type: "Meeting", name, id } })).status()).toBe(201);
  const res = await admin.get(`/api/audit.csv?groupId=${encodeURIComponent(id)}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = await res.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.split("\r\n")[0]).toBe("at,actor,action,groupId,target,before,after,result,requestId");
  const [header, ...records] = parseCsv(text);
  expect(header).toHaveLength(9);
  expect(records).toHaveLength(1);
  const [at, actor, action, groupId, , before, after, result, requestId] = records[0];
  expect(new Date(at).toISOString()).toBe(at);
  expect([actor, action, groupId, before, result]).toEqual([E2E.admin.email, "group.create", id, "", "ok"]);
  expect(JSON.parse(after)).toMatchObject({ id, name });
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
});

test("sign-in is throttled per account at an address: after 5 failures even the right password is refused there, for that account only", async () => {
  // A throwaway user: the shared admin must never be locked out.
  const user = await addUser("throttled", "viewer");
  const bystander = await addUser("bystander", "viewer");
  for (let i = 0; i < 5; i++)
    expect(await trySignIn(user.email, `wrong-password-${i}`)).toEqual({ error: "CredentialsSignin", signedIn: false });
  expect(await trySignIn(user.email, PASSWORD)).toEqual({ error: "rate_limited", signedIn: false });
  expect(await trySignIn(user.email.toUpperCase(), PASSWORD)).toEqual({ error: "rate_limited", signedIn: false });
  expect(await trySignIn(bystander.email, PASSWORD)).toEqual({ error: null, signedIn: true });

  const failed = await auditEntries(`action=auth.signin_failed&actor=${encodeURIComponent(user.email)}`);
  expect(failed.items.filter((e) => e.result === "unauthenticated")).toHaveLength(5);
  expect(failed.items.every((e) => e.actor.email === user.email && e.actor.id === null)).toBe(true);
  // Refused attempts are not written one by one: one row per address and window counts them (other tests may
  // have been refused at this address too, so at least these two; a window may have begun between them).
  const summaries = (await auditEntries("action=auth.signin_failed&limit=100")).items.filter((e) => e.result === "rate_limited");
  expect(summaries.length).toBeGreaterThanOrEqual(1);
  for (const s of summaries) expect(s.after).toEqual({ ip: "127.0.0.1", throttled: expect.any(Number), since: expect.any(String) });
  expect(summaries.reduce((n, s) => n + (s.after as { throttled: number }).throttled, 0)).toBeGreaterThanOrEqual(2);
  expect(JSON.stringify(failed.items)).not.toMatch(/wrong-password|correct-horse/);
  const ok = await auditEntries(`action=auth.signin&actor=${encodeURIComponent(bystander.email)}`);
  expect(ok.items[0]).toMatchObject({ result: "ok", actor: { id: bystander.id, email: bystander.email } });
});
