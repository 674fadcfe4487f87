import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { signedInApi } from "./api";
import { keysListened } from "./applicants";

/**
 * The stories of deciding an application (docs/contracts.md § Claims, § Applicant context, § Saved views), told
 * once and run against each console the suite starts: the main one (the local IM server's applications), the
 * Tencent-strict one (the console's own inbox) and two instances on PostgreSQL. A `Place` says where.
 */
export type Place = {
  /** Where the moderators' browsers go; a second URL puts the second moderator on another instance. */
  baseUrl: string;
  secondUrl?: string;
  admin: { email: string; password: string };
  /** A new app user, signed in on their phone: they apply to groups from it. */
  appUser: (nick: string) => Promise<AppUser>;
};
export type AppUser = {
  userId: string;
  apply: (groupId: string, message: string) => Promise<void>;
  /** Applies and answers what the app was told: a status, or the error the join call failed with. */
  join: (groupId: string, message: string) => Promise<JoinAnswer>;
  done: () => Promise<void>;
};
export type JoinAnswer = { status: string } | { error: { code: number; info: string } };

async function applicant(place: Place, groupId: string, nick: string, message: string): Promise<AppUser> {
  const user = await place.appUser(nick);
  await user.apply(groupId, message);
  return user;
}

const run = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const enc = encodeURIComponent;
const rows = (page: Page) => page.locator("tr[data-application-id]");
const currentId = (page: Page) => page.locator("tr[data-current]").getAttribute("data-application-id");
const rowOf = (page: Page, id: string) => page.locator(`tr[data-application-id="${id}"]`);

async function publicGroup(api: APIRequestContext, label: string): Promise<{ id: string; name: string }> {
  const res = await api.post("/api/groups", { data: { type: "Public", name: `${label} ${run()}`, joinOption: "NeedPermission" } });
  expect(res.status()).toBe(201);
  return res.json();
}

/** The application as the console lists it, once the IM server's webhook has reached the console. */
async function pendingOf(api: APIRequestContext, groupId: string, userId: string): Promise<string> {
  let id = "";
  await expect
    .poll(async () => {
      const page = await (await api.get(`/api/applications?groupId=${enc(groupId)}`)).json();
      return (id = page.items.find((a: { requesterId: string }) => a.requesterId === userId)?.id ?? "");
    })
    .not.toBe("");
  return id;
}

/** A new moderator, signed in in a browser of their own. */
async function moderatorBrowser(browser: Browser, place: Place, name: string, baseUrl = place.baseUrl) {
  const admin = await signedInApi(place.admin.email, place.admin.password, place.baseUrl);
  const email = `${name.toLowerCase()}-${run()}@deciding.e2e.test`;
  const password = "deciding-password-1";
  expect((await admin.post("/api/users", { data: { email, name, password, role: "moderator" } })).status()).toBe(201);
  await admin.dispose();
  const api = await signedInApi(email, password, baseUrl);
  const context = await browser.newContext({ storageState: await api.storageState(), baseURL: baseUrl });
  await api.dispose();
  return { context, page: await context.newPage(), email };
}

/** Two moderators in two browsers: Ben sees within a second that Aiko is reviewing, and is asked before deciding. */
export async function claimsStory(browser: Browser, place: Place) {
  const api = await signedInApi(place.admin.email, place.admin.password, place.baseUrl);
  const group = await publicGroup(api, "Claims");
  const applicants = [
    await applicant(place, group.id, "Applicant 0 申请者", "first"),
    await applicant(place, group.id, "Applicant 1 申请者", "second"),
  ];
  for (const a of applicants) await pendingOf(api, group.id, a.userId);
  const aiko = await moderatorBrowser(browser, place, "Aiko");
  const ben = await moderatorBrowser(browser, place, "Ben", place.secondUrl);
  for (const m of [ben, aiko]) {
    await m.page.goto(`/applications?groupId=${enc(group.id)}`);
    await keysListened(m.page);
  }
  await expect(rows(aiko.page)).toHaveCount(2);
  await expect(rows(ben.page)).toHaveCount(2);
  await expect(ben.page.getByText(/is reviewing/)).toHaveCount(0);

  const claimed = aiko.page.waitForResponse((r) => r.url().endsWith("/claim") && r.request().method() === "POST");
  await aiko.page.keyboard.press("j");
  expect((await claimed).status()).toBe(200);
  const claimedAt = Date.now();
  const id = (await currentId(aiko.page))!;
  await expect(rowOf(ben.page, id).getByText("Aiko is reviewing")).toBeVisible();
  const seenAfter = Date.now() - claimedAt;
  test.info().annotations.push({ type: "claim seen by the other browser", description: `${seenAfter} ms after it was taken` });
  console.log(`claim seen by the other browser ${seenAfter} ms after it was taken (${test.info().project.name})`);

  await ben.page.keyboard.press("j");
  expect(await currentId(ben.page)).toBe(id);
  await ben.page.keyboard.press("a");
  const alert = rowOf(ben.page, id).getByRole("alert");
  await expect(alert).toContainText("Aiko is reviewing");
  await expect(rows(ben.page)).toHaveCount(2);
  await alert.getByRole("button", { name: "Approve anyway" }).click();
  await expect(rows(ben.page)).toHaveCount(1);
  await expect(rows(aiko.page)).toHaveCount(1);

  await aiko.context.close();
  await ben.context.close();
  for (const a of applicants) await a.done();
  await api.dispose();
}

/** Beside the application: the requester's refusal elsewhere and a colleague's note; a note of one's own. */
export async function contextStory(browser: Browser, place: Place) {
  const api = await signedInApi(place.admin.email, place.admin.password, place.baseUrl);
  const [group, other] = [await publicGroup(api, "Context"), await publicGroup(api, "Elsewhere")];
  const chen = await applicant(place, other.id, "Chen 陈", "me again");
  const earlier = await pendingOf(api, other.id, chen.userId);
  expect((await api.post(`/api/applications/${earlier}/refuse`, { data: { reason: "Spam links last week" } })).status()).toBe(200);
  await chen.apply(group.id, "please");
  const same = await pendingOf(api, group.id, chen.userId);
  expect((await api.post(`/api/app-users/${enc(chen.userId)}/notes`, { data: { text: "Asked for money in DMs" } })).status()).toBe(201);

  const moderator = await moderatorBrowser(browser, place, "Dana");
  const page = moderator.page;
  await page.goto(`/applications?groupId=${enc(group.id)}`);
  await keysListened(page);
  const row = rowOf(page, same);
  await expect(row.getByText("Refused before")).toBeVisible();
  await expect(row.getByText("Note", { exact: true })).toBeVisible();
  await row.focus();
  await page.keyboard.press("o");
  const about = page.getByRole("region", { name: /^About / });
  await expect(about).toContainText("2 in all: 1 pending, 0 approved, 1 refused");
  await expect(about.getByRole("listitem").filter({ hasText: other.name })).toContainText("Spam links last week");
  await expect(about).toContainText("Asked for money in DMs");
  await about.getByLabel("New note (every moderator sees it)").fill("Second try: said they read the rules");
  await about.getByRole("button", { name: "Add note" }).click();
  await expect(about).toContainText("Second try: said they read the rules");
  await page.keyboard.press("o");
  await expect(about).toBeHidden();
  await moderator.context.close();
  await chen.done();
  await api.dispose();
}

/** A moderator searches the queue in Japanese, saves the view, and finds it again after a reload, counting live. */
export async function queueStory(browser: Browser, place: Place) {
  const api = await signedInApi(place.admin.email, place.admin.password, place.baseUrl);
  const group = await publicGroup(api, "Queue");
  const aiko = await applicant(place, group.id, "Aiko 愛子", "ハイキングの会に参加したいです");
  const ben = await applicant(place, group.id, "Ben", "Let me in, please");
  for (const a of [aiko, ben]) await pendingOf(api, group.id, a.userId);
  const moderator = await moderatorBrowser(browser, place, "Emi");
  const page = moderator.page;

  await page.goto(`/applications?groupId=${enc(group.id)}`);
  await keysListened(page);
  await expect(rows(page)).toHaveCount(2);
  await page.getByLabel("Search").fill("参加");
  await expect(page).toHaveURL(/q=%E5%8F%82%E5%8A%A0/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText("Aiko 愛子");

  const name = `Japanese hikers ${run()}`;
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(name);
  await page.getByRole("dialog").getByRole("button", { name: "Save view" }).click();
  const views = page.getByRole("navigation", { name: "Saved views" });
  const tab = views.getByRole("link", { name: new RegExp(name) });
  await expect(tab).toHaveAttribute("aria-current", "page");
  await expect(tab).toContainText("1");

  await page.reload();
  await expect(tab).toHaveAttribute("aria-current", "page");
  await expect(page.getByLabel("Search")).toHaveValue("参加");
  await expect(rows(page)).toHaveCount(1);

  // Another applicant writes in Japanese: the view's count follows without a reload.
  const chika = await applicant(place, group.id, "Chika 千佳", "ぜひ参加させてください");
  await expect(rows(page)).toHaveCount(2);
  await expect(tab).toContainText("2");

  await views.getByRole("link", { name: "Pending" }).click();
  await expect(page.getByLabel("Search")).toHaveValue("");
  await tab.click();
  await expect(page.getByLabel("Search")).toHaveValue("参加");
  await views.getByRole("button", { name: `Delete the saved view ${name}` }).click();
  await expect(tab).toBeHidden();

  await moderator.context.close();
  for (const a of [aiko, ben, chika]) await a.done();
  await api.dispose();
}
