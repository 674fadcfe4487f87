import { expect, test } from "@playwright/test";

// A list opened with a filter the server refuses says which filter, and its count line does not say
// "Loading…" forever.
const CASES = [
  ["/groups?type=Nope", "Group type: This value is not valid"],
  ["/groups?sort=bogus", "Sort order: This value is not valid"],
  ["/audit?action=bogus", "Action: This value is not valid"],
  ["/applications?status=bogus", "Status: This value is not valid"],
] as const;

for (const [path, words] of CASES) {
  test(`${path} names the refused filter, and the count is not left loading`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("alert").filter({ hasText: words })).toBeVisible();
    await expect(page.getByText("Loading…")).toHaveCount(0);
  });
}
