import { expect, test } from "@playwright/test";

test("the top navigation marks the page one is on, for the eye and for screen readers", async ({ page }) => {
  const nav = page.getByRole("navigation", { name: "Main" });
  await page.goto("/applications");
  await expect(nav.getByRole("link", { name: "Applications" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Groups", exact: true })).not.toHaveAttribute("aria-current", /.*/);
  // A group's page is within Groups.
  await page.goto("/groups/tokyo-react");
  await expect(nav.getByRole("link", { name: "Groups", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
});
