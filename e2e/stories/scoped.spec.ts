import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api";
import { about, openLiveEvents } from "../support/live-events";

// A moderator an admin limits to one group (docs/scopes.md): the console shows her that group alone, in the list,
// the queue and its pages; another group's page is as unknown to her as a group that never existed.
const run = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test("a moderator scoped to one group sees only that group; another group's page does not exist for her", async ({ browser }) => {
  const admin = await signedInApi();
  const made: { id: string; name: string }[] = [];
  for (const label of ["Hers", "Not hers"]) {
    const res = await admin.post("/api/groups", { data: { type: "Public", name: `${label} ${run()}`, joinOption: "NeedPermission" } });
    expect(res.status()).toBe(201);
    made.push(await res.json());
  }
  const [hers, other] = made;
  const email = `scoped-${run()}@scopes.e2e.test`;
  const user = await admin.post("/api/users", { data: { email, name: "Scoped Sato", password: "scoped-password-1", role: "moderator" } });
  expect(user.status()).toBe(201);
  const scoped = await admin.patch(`/api/users/${(await user.json()).id}`, { data: { scope: { groupIds: [hers.id] } } });
  expect(scoped.status()).toBe(200);

  const own = await signedInApi(email, "scoped-password-1");
  const context = await browser.newContext({ storageState: await own.storageState() });
  const page = await context.newPage();
  await page.goto("/groups");
  await expect(page.getByText("Scoped to 1 group")).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(hers.name);

  await page.goto(`/groups/${encodeURIComponent(other.id)}`);
  await expect(page.getByRole("heading", { name: "No such group" })).toBeVisible();
  await page.goto(`/groups/${encodeURIComponent(hers.id)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(hers.name);

  await context.close();
  await own.dispose();
  await admin.dispose();
});

test("her open live stream ends the moment an admin narrows her scope, and the reconnect sends her groups' events alone", async () => {
  const admin = await signedInApi();
  const group = async (label: string) =>
    (await admin.post("/api/groups", { data: { type: "Public", name: `${label} ${run()}`, joinOption: "NeedPermission" } })).json();
  const [kept, taken] = [await group("Kept"), await group("Taken")];
  const email = `narrowed-${run()}@scopes.e2e.test`;
  const user = await admin.post("/api/users", { data: { email, name: "Narrowed Noda", password: "scoped-password-1", role: "moderator" } });
  const id = (await user.json()).id;
  expect((await admin.patch(`/api/users/${id}`, { data: { scope: { groupIds: [kept.id, taken.id] } } })).status()).toBe(200);

  const own = await signedInApi(email, "scoped-password-1");
  const before = await openLiveEvents(own);
  expect(before.response.status).toBe(200);
  expect((await admin.patch(`/api/users/${id}`, { data: { scope: { groupIds: [kept.id] } } })).status()).toBe(200);
  // Ended by the change itself, within seconds: the heartbeat (every 15 s) would end it too, but later.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), 3_000)));
  expect(await Promise.race([before.ended.then(() => "ended" as const), late])).toBe("ended");
  clearTimeout(timer);

  const after = await openLiveEvents(own);
  for (const g of [taken, kept]) await admin.patch(`/api/groups/${encodeURIComponent(g.id)}`, { data: { introduction: `now ${run()}` } });
  await after.next(about(kept.id));
  expect(after.received.filter(about(taken.id))).toEqual([]);
  after.close();
  await own.dispose();
  await admin.dispose();
});
