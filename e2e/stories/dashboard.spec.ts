import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../support/accessibility";
import { groupWithApplicants } from "../support/applicants";
import { contextAsNewUser } from "../support/throwaway-user";

// The moderation dashboard (docs/contracts.md § Moderation statistics): a moderator who just decided two
// applications finds their decisions on it, sees every chart with its table in light and in dark, and
// follows a figure into the queue view that lists exactly what it counts.

const CHARTS = ["Received, approved and refused per day", "Decisions per moderator", "Groups that received the most"];

/** Each chart's region, its drawing, and its table once "Show as table" opened it. */
async function chartsAndTables(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Moderation dashboard" })).toBeVisible();
  for (const title of CHARTS) {
    const region = page.getByRole("region", { name: title });
    await expect(region.locator("figure [aria-hidden=true]").first()).toBeVisible();
    await region.getByText("Show as table").click();
    const table = region.getByRole("table");
    await expect(table).toBeVisible();
    expect(await table.getByRole("row").count(), title).toBeGreaterThan(1);
  }
}

test("the dashboard draws its charts and their tables in light and dark, and each figure opens the queue it counts", async ({
  browser,
}) => {
  test.slow(); // two browser contexts and two axe scans, on a machine other stories keep busy
  const { applicants, done } = await groupWithApplicants(2, "Dashboard");
  const light = await contextAsNewUser(browser, { theme: "light" });
  const pending = await (await light.api.get(`/api/applications?requesterId=${applicants[0].userId}`)).json();
  const other = await (await light.api.get(`/api/applications?requesterId=${applicants[1].userId}`)).json();
  expect((await light.api.post(`/api/applications/${pending.items[0].id}/approve`, { data: {} })).status()).toBe(200);
  expect((await light.api.post(`/api/applications/${other.items[0].id}/refuse`, { data: {} })).status()).toBe(200);

  const page = await light.context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass("light");
  await chartsAndTables(page);
  await expectAccessible(page, "dashboard, light, tables open");

  // This moderator's approval, as the per-moderator table counts it, leads to exactly that application.
  const mine = page.getByRole("region", { name: "Decisions per moderator" }).getByRole("row").filter({ hasText: light.email });
  await expect(mine).toContainText("1");
  await mine.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/applications\?status=approved&handledBy=[^&]+&since=\d{4}-\d{2}-\d{2}&until=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByText("From the dashboard:")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: applicants[0].userId })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: applicants[1].userId })).toHaveCount(0);

  // The period is in the URL; "Pending now" is the queue itself.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await page.getByRole("link", { name: "30 days" }).click();
  await expect(page).toHaveURL(/\/\?days=30$/);
  await expect(page.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: /Pending now/ }).click();
  await expect(page).toHaveURL(/\/applications$/);
  await light.context.close();

  // The same moderator chooses dark, on a phone: the same charts and tables, readable (contrast), and nothing
  // wider than the screen.
  expect((await light.api.patch("/api/me", { data: { theme: "dark" } })).status()).toBe(200);
  const dark = await browser.newContext({
    storageState: await light.api.storageState(),
    colorScheme: "light",
    viewport: { width: 390, height: 844 },
  });
  const phone = await dark.newPage();
  await phone.goto("/");
  await expect(phone.locator("html")).toHaveClass("dark");
  await chartsAndTables(phone);
  await expectAccessible(phone, "dashboard, dark, tables open", { rules: ["color-contrast", "link-in-text-block"] });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await dark.close();
  await light.api.dispose();
  await done();
});
