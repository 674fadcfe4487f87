import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedInApi } from "../support/api";
import { imDirect } from "../support/im-direct";
import { OWN_ADMIN, ownConsole, type OwnConsole } from "../support/own-console";

/**
 * A moderator approves a hundred applications at once and the console is killed (kill -9) half-way. After
 * a restart on the same data, every application is handled exactly once or still pending, and the audit
 * log agrees with the IM server about which.
 */
const APPLICANTS = 100;

type WireApplication = { ApplicationId: string; Status: "Pending" | "Approved" | "Refused"; Handler_Account: string };
type Entry = { target: string | null; result: string | null };

let own: OwnConsole;
let im: ReturnType<typeof imDirect>;
let groupId: string;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  own = await ownConsole("crash", { imServer: true });
  im = imDirect(own.imUrl, own.secrets.IM_SECRET_KEY);
  const run = Date.now().toString(36);
  const users = Array.from({ length: APPLICANTS }, (_, i) => `crash_${run}_${i}`);
  await im.rest("im_open_login_svc/multiaccount_import", { Accounts: [`crash_owner_${run}`, ...users.slice(0, 99)] });
  await im.rest("im_open_login_svc/multiaccount_import", { Accounts: users.slice(99) });
  groupId = String(
    (await im.rest("group_open_http_svc/create_group", { Type: "Public", Name: "Crash course", Owner_Account: `crash_owner_${run}` }))
      .GroupId,
  );
  for (let i = 0; i < users.length; i += 10) {
    await Promise.all(users.slice(i, i + 10).map((u) => im.asUser(u, "joinGroup", { groupID: groupId, message: `apply ${u}` })));
  }
  await own.start();
});
test.afterAll(async () => {
  await own?.stop();
});

const signIn = () => signedInApi(OWN_ADMIN.email, OWN_ADMIN.password, own.baseUrl);

async function applications(): Promise<WireApplication[]> {
  const all: WireApplication[] = [];
  for (const Status of ["Pending", "Approved", "Refused"]) {
    const page = await im.rest("group_open_http_svc/get_group_application_list", { GroupId: groupId, Status, Limit: 100 });
    all.push(...(page.ApplicationList as WireApplication[]));
  }
  return all;
}

/** The applications once two reads in a row agree (a status changing between the per-status reads counts twice). */
async function applicationsAtRest(): Promise<WireApplication[]> {
  let previous = "";
  for (let i = 0; i < 50; i++) {
    const all = await applications();
    const snapshot = JSON.stringify(all.map((a) => `${a.ApplicationId}:${a.Status}`).sort());
    if (snapshot === previous) return all;
    previous = snapshot;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the IM server's applications kept changing");
}

async function approvedCount(): Promise<number> {
  return Number(
    (await im.rest("group_open_http_svc/get_group_application_list", { GroupId: groupId, Status: "Approved", Limit: 1 })).TotalCount,
  );
}

async function approvalEntries(api: APIRequestContext): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const res = await api.get(`/api/audit?action=application.approve&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status()).toBe(200);
    const page: { items: Entry[]; nextCursor: string | null } = await res.json();
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

test("a bulk approval cut short by kill -9: after a restart each application is handled once or still pending, and the audit log agrees", async () => {
  const ids = (await applications()).map((a) => a.ApplicationId);
  expect(ids).toHaveLength(APPLICANTS);

  const moderator = await signIn();
  const bulk = moderator.post("/api/applications/bulk", { data: { ids, action: "approve" }, timeout: 60_000 }).catch((err: Error) => err);
  // Kill the console as soon as the IM server has seen the first approvals, while the rest are in flight.
  while ((await approvedCount()) < 5) await new Promise((r) => setTimeout(r, 5));
  await own.crash();
  // The front proxy outlives the Next server by a moment: it answers for it (500, not answering), or the
  // connection drops as the launcher stops. Either way the request did not complete.
  const cut = await bulk;
  expect(cut instanceof Error || cut.status() >= 500, "the bulk request died with the console").toBe(true);
  await moderator.dispose();

  // Approvals the IM server had already received still finish after the kill: read once nothing moves any more.
  const afterCrash = await applicationsAtRest();
  const approved = afterCrash.filter((a) => a.Status === "Approved");
  const pending = afterCrash.filter((a) => a.Status === "Pending");
  expect(approved.length + pending.length, "nothing refused, nothing lost").toBe(APPLICANTS);
  expect(pending.length, "the crash came half-way, not after the end").toBeGreaterThan(0);
  expect(approved.every((a) => a.Handler_Account === OWN_ADMIN.email)).toBe(true);

  await own.start();
  const admin = await signIn();
  // Start-up settles what the crash left without a result, by asking the IM server.
  let entries: Entry[] = [];
  await expect
    .poll(
      async () => {
        entries = await approvalEntries(admin);
        return entries.filter((e) => e.result === null).length;
      },
      { timeout: 30_000, message: "every approval intent gets a result after the restart" },
    )
    .toBe(0);

  const claimsOk = (id: string) => entries.filter((e) => e.target === id && (e.result === "ok" || e.result === "settled:ok"));
  for (const a of approved) expect(claimsOk(a.ApplicationId), `approved ${a.ApplicationId} is in the audit log once as ok`).toHaveLength(1);
  for (const a of pending) expect(claimsOk(a.ApplicationId), `pending ${a.ApplicationId} is not claimed as approved`).toHaveLength(0);
  expect(entries.every((e) => e.target !== null && ids.includes(e.target))).toBe(true);

  // The moderator sends the same selection again: the rest are approved, the others reported as already handled.
  const retry = await admin.post("/api/applications/bulk", { data: { ids, action: "approve" }, timeout: 60_000 });
  expect(retry.status()).toBe(200);
  const { results } = (await retry.json()) as {
    results: { id: string; ok: boolean; error?: { code: string; details?: { handledBy?: string } } }[];
  };
  expect(results.map((r) => r.id)).toEqual(ids);
  const wasApproved = new Set(approved.map((a) => a.ApplicationId));
  for (const r of results) {
    if (wasApproved.has(r.id))
      expect(r, r.id).toMatchObject({ ok: false, error: { code: "conflict", details: { handledBy: OWN_ADMIN.email } } });
    else expect(r, r.id).toMatchObject({ ok: true, status: "approved" });
  }
  expect((await applications()).every((a) => a.Status === "Approved")).toBe(true);
  await admin.dispose();
});
