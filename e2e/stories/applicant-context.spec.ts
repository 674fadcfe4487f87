import { expect, test } from "@playwright/test";
import { groupWithApplicants, inboxFor } from "../support/applicants";

// A moderator about to decide sees, beside the application, that this person was refused elsewhere before and
// what a colleague noted, and adds a note of their own.

test("o shows the requester's earlier refusal and a colleague's note beside the application, and a note can be added", async ({ page }) => {
  const { api, group, applicants, done } = await groupWithApplicants(1, "Context");
  const [chen] = applicants;
  const other = await (
    await api.post("/api/groups", { data: { type: "Public", name: `Elsewhere ${Date.now()}`, joinOption: "NeedPermission" } })
  ).json();
  const earlier = await chen.phone.joinGroup(other.id, "me again");
  const refused = await api.post(`/api/applications/${earlier.applicationID}/refuse`, { data: { reason: "Spam links last week" } });
  expect(refused.status()).toBe(200);
  expect((await api.post(`/api/app-users/${chen.userId}/notes`, { data: { text: "Asked for money in DMs" } })).status()).toBe(201);

  await inboxFor(page, group.id);
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.keyboard.press("o");
  const about = page.getByRole("region", { name: /^About / });
  await expect(about).toBeVisible();
  await expect(about).toContainText("2 in all: 1 pending, 0 approved, 1 refused");
  await expect(about.getByRole("listitem").filter({ hasText: other.name })).toContainText("Spam links last week");
  await expect(about).toContainText("Asked for money in DMs");

  await about.getByLabel("New note (every moderator sees it)").fill("Second try: said they read the rules");
  await about.getByRole("button", { name: "Add note" }).click();
  await expect(about).toContainText("Second try: said they read the rules");

  await page.keyboard.press("o");
  await expect(about).toBeHidden();
  await done();
});
