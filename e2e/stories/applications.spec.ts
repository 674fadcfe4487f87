import { expect, test, type Page } from "@playwright/test";
import { signedInApi } from "../support/api";
import { groupWithApplicants, inboxFor } from "../support/applicants";
import { newAppUser } from "../support/app-users";
import { E2E } from "../support/env";

const unique = () => Date.now().toString(36);

test("a moderator approves from the inbox and the requester is in the group", async ({ page }) => {
  const { api, group, applicants } = await groupWithApplicants(1, "Approve");
  const [who] = applicants;
  await inboxFor(page, group.id);
  const row = page.getByRole("row").filter({ hasText: who.userId });
  await row.getByRole("button", { name: /^Approve/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved" })).toBeVisible();
  await expect(row).toBeHidden();
  const members = await (await api.get(`/api/groups/${encodeURIComponent(group.id)}/members`)).json();
  expect(members.items.map((m: { userId: string }) => m.userId)).toContain(who.userId);
  const approved = await (await api.get(`/api/applications?groupId=${encodeURIComponent(group.id)}&status=approved`)).json();
  expect(approved.items[0]).toMatchObject({ requesterId: who.userId, status: "approved", handledBy: "admin@e2e.test" });
  for (const a of applicants) await a.phone.logout();
});

test("a moderator bulk-refuses with a reason, with a progress bar and a result per item", async ({ page }) => {
  const { api, group, applicants } = await groupWithApplicants(3, "Bulk");
  await inboxFor(page, group.id);
  await expect(page.getByRole("row")).toHaveCount(4);
  await page.getByRole("checkbox", { name: "Select all shown applications" }).check();
  await page.getByRole("button", { name: "Refuse 3" }).click();
  const dialog = page.getByRole("dialog", { name: "Refuse 3 applications in 1 group?" });
  await dialog.getByRole("button", { name: "The group is full for now; try again later." }).click();
  await dialog.getByRole("button", { name: "Refuse", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Done: 3 refused" })).toBeVisible();
  const refused = await (await api.get(`/api/applications?groupId=${encodeURIComponent(group.id)}&status=refused`)).json();
  expect(refused.items).toHaveLength(3);
  for (const a of refused.items) expect(a.reason).toBe("The group is full for now; try again later.");
  // The list of refused applications says why each was refused.
  await page.goto(`/applications?groupId=${encodeURIComponent(group.id)}&status=refused`);
  await expect(page.getByText("Reason: The group is full for now; try again later.")).toHaveCount(3);
  for (const a of applicants) await a.phone.logout();
});

test("two moderators race on one application: exactly one wins, the other is told who handled it", async ({ browser }) => {
  const { api, group, applicants } = await groupWithApplicants(1, "Race");
  const [first, second] = [
    await browser.newContext({ storageState: E2E.adminState }),
    await browser.newContext({ storageState: E2E.adminState }),
  ];
  const [p1, p2] = [await first.newPage(), await second.newPage()];
  await Promise.all([inboxFor(p1, group.id), inboxFor(p2, group.id)]);
  const approve = (p: Page) =>
    p
      .getByRole("row")
      .filter({ hasText: applicants[0].userId })
      .getByRole("button", { name: /^Approve/ });
  // Both click at once; the slower one may find the row already gone (the live update beat its click), which
  // is fine: at least one click lands, and what follows checks that exactly one approval happened.
  const clicks = await Promise.allSettled([approve(p1).click({ timeout: 5_000 }), approve(p2).click({ timeout: 5_000 })]);
  expect(clicks.some((c) => c.status === "fulfilled")).toBe(true);
  // The row leaves both inboxes: the winner's at once, the other's when it hears of the winner (its own 409
  // or the live update, whichever comes first).
  for (const p of [p1, p2]) await expect(p.getByRole("row").filter({ hasText: applicants[0].userId })).toBeHidden();
  const texts = async () =>
    (
      await Promise.all(
        [p1, p2].map((p) =>
          p
            .getByRole("status")
            .filter({ hasText: /Approved|already approved/ })
            .allInnerTexts(),
        ),
      )
    ).flat();
  // The row leaves optimistically; the winner's "Approved" follows when the server answers.
  await expect.poll(async () => (await texts()).filter((t) => t.startsWith("Approved")).length).toBe(1);
  const outcomes = await texts();
  // When the loser's click landed before the live update, it is told who won.
  for (const t of outcomes.filter((o) => !o.startsWith("Approved"))) expect(t).toContain("already approved by admin@e2e.test");
  const approved = await (await api.get(`/api/applications?groupId=${encodeURIComponent(group.id)}&status=approved`)).json();
  expect(approved.total).toBe(1);
  const audit = await api.get(`/api/audit?groupId=${encodeURIComponent(group.id)}&action=application.approve`);
  if (audit.ok()) {
    const entries = (await audit.json()).items as { result: string }[];
    expect(entries.filter((e) => e.result === "ok")).toHaveLength(1);
  }
  await first.close();
  await second.close();
  for (const a of applicants) await a.phone.logout();
});

test("a new application arrives while the inbox is open and appears without a reload", async ({ page }) => {
  const api = await signedInApi();
  const group = await (
    await api.post("/api/groups", { data: { type: "Public", name: `Live inbox ${unique()}`, joinOption: "NeedPermission" } })
  ).json();
  const connected = page.waitForResponse((r) => r.url().endsWith("/api/events") && r.status() === 200);
  await inboxFor(page, group.id);
  await connected;
  await expect(page.getByText("No pending applications")).toBeVisible();
  await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));

  const { userId, phone } = await newAppUser("Mei 美");
  await phone.joinGroup(group.id, "我想加入 🙏");
  const row = page.getByRole("row").filter({ hasText: userId });
  await expect(row).toBeVisible();
  await expect(row).toContainText("我想加入 🙏");
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
  await phone.logout();
  await api.dispose();
});
