import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { ImClientError, type ImClient } from "../../im-server/client";
import { signedInApi } from "./api";
import { newAppUser, type TestServers } from "./app-users";

/**
 * The stories of moderating members and messages (docs/contracts.md § Mutes, bans and messages), told once and run
 * against the main console and the Tencent-strict one: a moderator mutes a member and the member's phone cannot
 * send until she unmutes them; refusing an application with a ban stops the next one; a spam message recalled in
 * the console disappears from another member's phone.
 */
export type ModerationPlace = { baseUrl: string; admin: { email: string; password: string }; servers: TestServers };

const run = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const enc = encodeURIComponent;

async function groupOf(api: APIRequestContext, label: string, joinOption: "FreeAccess" | "NeedPermission") {
  const res = await api.post("/api/groups", { data: { type: "Public", name: `${label} ${run()}`, joinOption } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

/** A new moderator in a browser of her own, and the admin's API for setting the scene. */
async function moderatorAt(browser: Browser, place: ModerationPlace) {
  const admin = await signedInApi(place.admin.email, place.admin.password, place.baseUrl);
  const email = `mod-${run()}@moderation.e2e.test`;
  const password = "moderation-password-1";
  expect((await admin.post("/api/users", { data: { email, name: "Mod Aiko", password, role: "moderator" } })).status()).toBe(201);
  const own = await signedInApi(email, password, place.baseUrl);
  const context = await browser.newContext({ storageState: await own.storageState(), baseURL: place.baseUrl });
  await own.dispose();
  return { admin, context, page: await context.newPage() };
}

/** What the phone's send answers: its seq, or the IM error code it failed with. */
async function trySend(phone: ImClient, groupId: string, text: string): Promise<number | { code: number }> {
  try {
    return (await phone.sendGroupTextMessage(groupId, text)).seq;
  } catch (err) {
    if (err instanceof ImClientError) return { code: err.code };
    throw err;
  }
}

async function memberOf(place: ModerationPlace, groupId: string, nick: string) {
  const user = await newAppUser(nick, place.servers);
  expect((await user.phone.joinGroup(groupId)).status).toBe("joined");
  return user;
}

const memberRow = (page: Page, userId: string) => page.locator("tbody tr").filter({ hasText: userId });

export async function muteStory(browser: Browser, place: ModerationPlace) {
  const { admin, context, page } = await moderatorAt(browser, place);
  const group = await groupOf(admin, "Mutes", "FreeAccess");
  const mika = await memberOf(place, group.id, "Mika 美香");
  expect(await trySend(mika.phone, group.id, "hello everyone")).toEqual(expect.any(Number));

  await page.goto(`/groups/${enc(group.id)}`);
  await memberRow(page, mika.userId)
    .getByRole("button", { name: `Mute Mika 美香 (${mika.userId})` })
    .click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("radio", { name: "1 hour" }).check();
  await dialog.getByLabel(/Reason/).fill("Flooding the chat");
  await dialog.getByRole("button", { name: "Mute", exact: true }).click();
  await expect(dialog.getByTestId("mute-results")).toContainText("1 muted");
  await dialog.getByRole("button", { name: "Close" }).click();

  // The phone is refused with Tencent's "muted" code; the console lists her with the time left.
  expect(await trySend(mika.phone, group.id, "can anyone hear me?")).toEqual({ code: 10017 });
  const muted = page.getByTestId("muted-list");
  await expect(muted).toContainText(mika.userId);
  await expect(muted).toContainText(/(59|60) min left|1 h(our)? left/);

  await muted.getByRole("button", { name: `Unmute Mika 美香 (${mika.userId})` }).click();
  await expect(muted).not.toContainText(mika.userId);
  expect(await trySend(mika.phone, group.id, "thanks, I'll keep it short")).toEqual(expect.any(Number));
  const audit = await (await admin.get(`/api/audit?groupId=${enc(group.id)}`)).json();
  expect(audit.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["member.mute", "member.unmute"]));

  await mika.phone.logout();
  await context.close();
  await admin.dispose();
}

export async function banStory(browser: Browser, place: ModerationPlace) {
  const { admin, context, page } = await moderatorAt(browser, place);
  const group = await groupOf(admin, "Bans", "NeedPermission");
  const spammer = await newAppUser("Promo 推广", place.servers);
  expect((await spammer.phone.joinGroup(group.id, "cheap followers at spam.example")).status).toBe("applied");

  await page.goto(`/applications?groupId=${enc(group.id)}`);
  const row = page.locator("tr[data-application-id]").filter({ hasText: spammer.userId });
  await row.getByRole("button", { name: /Refuse and ban/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/Reason/).fill("Spam links");
  await dialog.getByRole("button", { name: "Refuse and ban", exact: true }).click();
  const outcome = dialog.getByTestId("refuse-and-ban-outcome");
  await expect(outcome).toContainText("Application refused.");
  await expect(outcome).toContainText("Banned from the group for 30 days.");

  // The next application fails at the IM server itself, and the ban list says why and until when.
  const again = await spammer.phone.joinGroup(group.id, "please?").catch((err: unknown) => err);
  expect(again).toBeInstanceOf(ImClientError);
  const bans = await (await admin.get(`/api/groups/${enc(group.id)}/bans`)).json();
  expect(bans.items).toEqual([expect.objectContaining({ userId: spammer.userId, reason: "Spam links" })]);
  await page.goto(`/groups/${enc(group.id)}`);
  await expect(page.getByTestId("ban-list")).toContainText("Spam links");

  await spammer.phone.logout();
  await context.close();
  await admin.dispose();
}

export async function recallStory(browser: Browser, place: ModerationPlace) {
  const { admin, context, page } = await moderatorAt(browser, place);
  const group = await groupOf(admin, "Recall", "FreeAccess");
  const friend = await memberOf(place, group.id, "Friend 朋友");
  const spammer = await memberOf(place, group.id, "Promo 推广");
  const revoked: string[] = [];
  const received: string[] = [];
  friend.phone.addGroupListener({
    onRecvNewMessage: (m) => received.push(String(m.seq)),
    onRecvMessageRevoked: (msgID) => revoked.push(msgID),
  });

  await page.goto(`/groups/${enc(group.id)}`);
  const link = `http://spam-${run()}.example/free`;
  const seq = await trySend(spammer.phone, group.id, `free followers ${link}`);
  expect(seq).toEqual(expect.any(Number));
  await expect.poll(() => received).toContain(String(seq));

  const panel = page.getByTestId("messages-panel");
  const spam = panel.getByTestId("message").filter({ hasText: link });
  await expect(spam).toBeVisible();
  await spam.getByRole("checkbox").check();
  await panel.getByRole("button", { name: "Recall 1 message…" }).click();
  const dialog = page.getByRole("dialog", { name: "Recall 1 message?" });
  await dialog.getByRole("button", { name: "Recall 1 message" }).click();
  await expect(spam).toContainText("recalled");

  // The friend's phone is told, as Tencent's SDK tells it (onRecvMessageRevoked).
  await expect.poll(() => revoked.length).toBe(1);
  test.info().annotations.push({ type: "recalled message", description: `seq ${seq}` });

  for (const u of [friend, spammer]) await u.phone.logout();
  await context.close();
  await admin.dispose();
}
