import { expect, test } from "@playwright/test";
import { busiestPublicGroupId, expectAccessible, expectNoRawKeys, settled } from "../support/accessibility";

let groupId = "";
const MORE_ROWS = "tbody tr:nth-child(n+11)";

test.beforeAll(async () => {
  groupId = await busiestPublicGroupId();
});

for (const path of [
  "/",
  "/groups",
  "/applications",
  "/audit",
  "/users",
  "/account",
  "/applications?status=approved",
  "/jobs",
  "/rules",
  "/api-docs",
]) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    // The API reference is every route on one page, each drawn by one component: axe reads the page and the
    // first operation of each group (all of them took a minute on a busy machine, to say the same thing).
    test.slow(path === "/api-docs");
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    await settled(page, path);
    // A list's rows are one component drawn again and again: the first ten say what the next ninety would.
    await expectAccessible(page, path, { exclude: path === "/api-docs" ? ['article[id^="op-"]:not(:first-of-type)'] : [MORE_ROWS] });
    // Every main page also shows words, never a message key (the language stories check a few in Japanese). The API
    // reference is the exception by design: it lists identifiers such as the audit action "rules.switch".
    if (path !== "/api-docs") await expectNoRawKeys(page, path);
  });
}

test("a group's page has no serious accessibility violations, nor its dialogs", async ({ page }) => {
  await page.goto(`/groups/${encodeURIComponent(groupId)}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await settled(page, "group page");
  // Members and messages are rows of one component each: the first ten members and five messages stand for the rest.
  await expectAccessible(page, "group page", { exclude: [MORE_ROWS, '[data-testid="message"]:nth-child(n+6)'] });
  await expectNoRawKeys(page, "group page");
  await page.getByRole("button", { name: "Edit profile" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "edit profile dialog");
  await page.keyboard.press("Escape");
  // Focus returns to the button that opened the dialog.
  await expect(page.getByRole("button", { name: "Edit profile" })).toBeFocused();
});

test("the create-group dialog keeps focus inside and returns it after", async ({ page }) => {
  await page.goto("/groups");
  const opener = page.getByRole("button", { name: "New group" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "New group" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "create group dialog");
  for (let i = 0; i < 20; i++) await page.keyboard.press("Tab");
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(opener).toBeFocused();
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test("the sign-in page has no serious accessibility violations", async ({ page }) => {
    await page.goto("/login");
    await expectAccessible(page, "/login");
  });
});
