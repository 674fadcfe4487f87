import { expect, test, type Page } from "@playwright/test";
import type { ImClient } from "../../im-server/client";
import { signedInApi } from "../support/api";
import { newAppUser } from "../support/app-users";
import { GroupPage } from "../pages/group-page";
import { STRICT } from "../support/strict-env";

/**
 * The moderation stories against an IM server that behaves exactly like Tencent Cloud Chat: it has no REST
 * API for join applications, so the console keeps its own inbox, fed by BeforeApplyJoinGroup webhooks and
 * settled by AfterNewMemberJoin; approving adds the member, refusing sends the requester a one-to-one text.
 */
const unique = () => Date.now().toString(36);
const api = () => signedInApi(STRICT.admin.email, STRICT.admin.password, STRICT.baseUrl);
const appUser = (nick: string) => newAppUser(nick, STRICT);

async function publicGroup(label: string, ownerId?: string) {
  const res = await (
    await api()
  ).post("/api/groups", {
    data: { type: "Public", name: `${label} ${unique()}`, joinOption: "NeedPermission", ...(ownerId ? { ownerId } : {}) },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

/** Someone applies from their phone; the application reaches the console's inbox by webhook. */
async function applicant(groupId: string, nick = "Applicant 申请者") {
  const user = await appUser(nick);
  expect((await user.phone.joinGroup(groupId, "please let me in お願いします")).status).toBe("applied");
  return user;
}

const inboxFor = (page: Page, groupId: string) => page.goto(`/applications?groupId=${encodeURIComponent(groupId)}`);
const rowOf = (page: Page, userId: string) => page.getByRole("row").filter({ hasText: userId });

test("a moderator approves an application from the inbox and the requester is in the group", async ({ page }) => {
  const group = await publicGroup("Approve");
  const { userId, phone } = await applicant(group.id, "Aiko 愛子");
  await inboxFor(page, group.id);
  const row = rowOf(page, userId);
  await expect(row).toContainText("Aiko 愛子");
  await expect(row).toContainText("please let me in お願いします");
  await row.getByRole("button", { name: /^Approve/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved" })).toBeVisible();
  await expect(row).toBeHidden();

  const admin = await api();
  const members = await (await admin.get(`/api/groups/${encodeURIComponent(group.id)}/members`)).json();
  expect(members.items.map((m: { userId: string }) => m.userId)).toContain(userId);
  const approved = await (await admin.get(`/api/applications?groupId=${encodeURIComponent(group.id)}&status=approved`)).json();
  expect(approved.items[0]).toMatchObject({
    requesterId: userId,
    status: "approved",
    handledBy: STRICT.admin.email,
    requesterNickname: "Aiko 愛子",
  });
  expect((await (await admin.get(`/api/groups/${encodeURIComponent(group.id)}`)).json()).pendingApplications).toBe(0);
  await phone.logout();
});

test("a moderator refuses with a reason and the requester's phone receives a one-to-one notice naming the group", async ({ page }) => {
  const group = await publicGroup("Refuse");
  const { userId, phone } = await applicant(group.id);
  const notice = nextMessage(phone);
  await inboxFor(page, group.id);
  await rowOf(page, userId)
    .getByRole("button", { name: /^Refuse(?! and ban)/ })
    .click();
  const dialog = page.getByRole("dialog", { name: `Refuse the application from Applicant 申请者 to ${group.name}?` });
  await dialog.getByRole("textbox").fill("We are full this season, sorry 🙏");
  await dialog.getByRole("button", { name: "Refuse", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Refused" })).toBeVisible();

  const text = await notice;
  expect(text).toContain(group.name);
  expect(text).toContain("We are full this season, sorry 🙏");
  const refused = await (await (await api()).get(`/api/applications?groupId=${encodeURIComponent(group.id)}&status=refused`)).json();
  expect(refused.items[0]).toMatchObject({
    requesterId: userId,
    reason: "We are full this season, sorry 🙏",
    handledBy: STRICT.admin.email,
  });
  await phone.logout();
});

test("two moderators race on one application: exactly one wins, the other is told who handled it", async ({ browser }) => {
  const group = await publicGroup("Race");
  const { userId, phone } = await applicant(group.id);
  const contexts = [
    await browser.newContext({ storageState: STRICT.adminState }),
    await browser.newContext({ storageState: STRICT.adminState }),
  ];
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  await Promise.all(pages.map((p) => inboxFor(p, group.id)));
  const approve = (p: Page) => rowOf(p, userId).getByRole("button", { name: /^Approve/ });
  await Promise.all(pages.map((p) => expect(approve(p)).toBeVisible()));
  await Promise.all(pages.map((p) => approve(p).click()));
  const outcomes = await Promise.all(
    pages.map(async (p) => {
      const status = p.getByRole("status").filter({ hasText: /Approved|already approved/ });
      await expect(status).toBeVisible();
      return status.innerText();
    }),
  );
  expect(outcomes.filter((t) => t.startsWith("Approved"))).toHaveLength(1);
  expect(outcomes.filter((t) => t.includes(`already approved by ${STRICT.admin.email}`))).toHaveLength(1);
  const audit = await (await (await api()).get(`/api/audit?groupId=${encodeURIComponent(group.id)}&action=application.approve`)).json();
  expect((audit.items as { result: string }[]).map((e) => e.result).sort()).toEqual(["conflict", "ok"]);
  for (const c of contexts) await c.close();
  await phone.logout();
});

test("an owner approves on their phone: the inbox learns it from the webhook and names the owner", async () => {
  const owner = await appUser("Owner 群主");
  const group = await publicGroup("Owner approves", owner.userId);
  const { userId, phone } = await applicant(group.id);
  const admin = await api();
  const pending = () => admin.get(`/api/applications?groupId=${encodeURIComponent(group.id)}`).then((r) => r.json());
  await expect.poll(async () => (await pending()).total).toBe(1);

  // The IM server keeps the phone's own copy of the application (SDK-only on Tencent): the owner accepts it there.
  const [mine] = (await owner.phone.getGroupApplicationList()).applicationList.filter((a) => a.groupID === group.id);
  await owner.phone.acceptGroupApplication(mine.applicationID, "welcome");
  await expect.poll(async () => (await pending()).total).toBe(0);
  const approved = await (await admin.get(`/api/applications?groupId=${encodeURIComponent(group.id)}&status=approved`)).json();
  expect(approved.items[0]).toMatchObject({ requesterId: userId, handledBy: owner.userId });
  await phone.logout();
  await owner.phone.logout();
});

test("an operator switches a Public group to FreeAccess and a user joins at once, with no application", async ({ page }) => {
  const group = await publicGroup("Open house");
  const groupPage = new GroupPage(page);
  await groupPage.goto(group.id);
  const join = groupPage.panel("Join settings");
  await join.getByRole("radio", { name: /Anyone can join/ }).check();
  await join.getByRole("button", { name: "Save join option" }).click();
  await expect(join.getByRole("status")).toContainText("Saved: Anyone can join");

  const { userId, phone } = await appUser("Hanako 花子");
  expect((await phone.joinGroup(group.id, "hello")).status).toBe("joined");
  await page.reload();
  await expect(groupPage.panel(/Members/)).toContainText(userId);
  const all = await (await (await api()).get(`/api/applications?groupId=${encodeURIComponent(group.id)}`)).json();
  expect(all.total).toBe(0);
  await phone.logout();
});

/** The text of the next one-to-one message the phone receives. */
function nextMessage(phone: ImClient): Promise<string> {
  return new Promise((resolve) =>
    phone.addGroupListener({ onEvent: (name, payload) => name === "onRecvNewMessage" && resolve(String(payload.text)) }),
  );
}
