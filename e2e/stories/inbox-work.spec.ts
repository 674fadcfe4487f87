import { expect, test } from "@playwright/test";
import { apply, groupWithApplicants, inboxFor } from "../support/applicants";

const path = (id: string) => encodeURIComponent(id);

test("approving into a full group: the row shows 2 / 2, says why it failed, and an admin raises the limit in place", async ({ page }) => {
  const { api, group, applicants, done } = await groupWithApplicants(3, "Small room", { maxMemberCount: 2 });
  // Fill the group to its limit before the moderator looks.
  for (const a of applicants.slice(0, 2)) {
    const pending = (await (await api.get(`/api/applications?groupId=${path(group.id)}`)).json()).items as {
      id: string;
      requesterId: string;
    }[];
    const id = pending.find((p) => p.requesterId === a.userId)!.id;
    expect((await api.post(`/api/applications/${path(id)}/approve`, { data: {} })).status()).toBe(200);
  }
  await expect.poll(async () => (await (await api.get(`/api/groups/${path(group.id)}`)).json()).memberCount).toBe(2);
  await inboxFor(page, group.id);
  const row = page.getByRole("row").filter({ hasText: applicants[2].userId });
  await expect(row).toContainText("Full: 2 / 2 members");

  await row.getByRole("button", { name: /^Approve/ }).click();
  await expect(row.getByRole("alert")).toContainText("This group is full");
  await row.getByRole("button", { name: "Raise the member limit…" }).click();
  const dialog = page.getByRole("dialog", { name: `Raise the member limit of ${group.name}` });
  await expect(dialog.getByLabel("New member limit")).toHaveValue("12");
  await dialog.getByLabel("New member limit").fill("3");
  await dialog.getByRole("button", { name: "Raise and approve Applicant 2 申请者" }).click();
  await expect(row).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Approved Applicant 2" })).toBeVisible();
  const after = await (await api.get(`/api/groups/${path(group.id)}`)).json();
  expect(after).toMatchObject({ maxMemberCount: 3, memberCount: 3 });
  await done();
});

test("oldest first is a choice the inbox keeps: the longest-waiting stay on top", async ({ page }) => {
  const { group, applicants, done } = await groupWithApplicants(3, "Patience");
  await inboxFor(page, group.id);
  const firstRow = page.getByRole("row").nth(1);
  await expect(firstRow).toContainText(applicants[2].userId);
  await page.getByLabel("Order").selectOption("oldest");
  await expect(page).toHaveURL(/sort=oldest/);
  await expect(firstRow).toContainText(applicants[0].userId);
  // A new arrival goes to the bottom, not on top of those who waited longest.
  const late = await apply(group.id, "Late 遅刻", "me too");
  await expect(page.getByRole("row").last()).toContainText(late.userId);
  await expect(firstRow).toContainText(applicants[0].userId);
  // Coming back to the inbox without the order in the link keeps it.
  await inboxFor(page, group.id);
  await expect(page).toHaveURL(/sort=oldest/);
  await expect(firstRow).toContainText(applicants[0].userId);
  await late.phone.logout();
  await done();
});

test("outcomes share one status line that keeps its place, and arrivals in the open inbox raise no notice", async ({ page }) => {
  const { group, applicants, done } = await groupWithApplicants(3, "One line");
  await inboxFor(page, group.id);
  await expect(page.getByRole("row")).toHaveCount(4);
  const table = page.getByRole("table");
  const top = async () => (await table.boundingBox())!.y;
  const before = await top();
  for (const a of applicants.slice(0, 2)) {
    await page
      .getByRole("row")
      .filter({ hasText: a.userId })
      .getByRole("button", { name: /^Approve/ })
      .click();
    await expect(
      page.getByRole("status").filter({ hasText: `Approved ${a.userId === applicants[0].userId ? "Applicant 0" : "Applicant 1"}` }),
    ).toBeVisible();
  }
  // Two outcomes, one line: only the last is shown, and the table did not move down.
  await expect(page.getByText(/^Approved Applicant/)).toHaveCount(1);
  expect(await top()).toBe(before);

  const arrival = await apply(group.id, "Newcomer 新人", "hello");
  await expect(page.getByRole("row").filter({ hasText: arrival.userId })).toBeVisible();
  await expect(page.getByRole("navigation").getByText(/new application/)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /new application/ })).toHaveCount(0);
  await arrival.phone.logout();
  await done();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the inbox is a list of cards with their buttons in reach, and nothing scrolls sideways", async ({ page }) => {
    const { group, applicants, done } = await groupWithApplicants(2, "Pocket");
    await inboxFor(page, group.id);
    const card = page.getByRole("row").filter({ hasText: applicants[0].userId });
    await expect(card).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    for (const name of [/^Approve/, /^Refuse(?! and ban)/, /^Refuse and ban/])
      await expect(card.getByRole("button", { name })).toBeInViewport({ ratio: 1 });
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth > window.innerWidth + 1,
      tables: [...document.querySelectorAll("table")].filter(
        (t) =>
          t.scrollWidth > t.clientWidth + 1 || (t.parentElement !== null && t.parentElement.scrollWidth > t.parentElement.clientWidth + 1),
      ).length,
    }));
    expect(overflow).toEqual({ page: false, tables: 0 });
    // Each value is labelled with its column's name, as the other lists are on a phone.
    const label = await card.locator('td[data-label="Requester"]').evaluate((td) => getComputedStyle(td, "::before").content);
    expect(label).toBe('"Requester"');
    await card.getByRole("button", { name: /^Approve/ }).click();
    await expect(card).toBeHidden();
    await done();
  });
});
