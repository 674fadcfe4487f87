import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api";

test("an operator clicks a group's owner and sees that user's groups", async ({ page }) => {
  const api = await signedInApi();
  const owner = "u_zoe_johnson";
  const name = `Zoe's ${Date.now().toString(36)}`;
  expect((await api.post("/api/groups", { data: { type: "Public", name, ownerId: owner } })).status()).toBe(201);
  await api.dispose();

  await page.goto(`/groups?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name: owner, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/groups\\?q=${owner}$`));
  await expect(page.getByRole("searchbox").or(page.getByLabel("Search"))).toHaveValue(owner);
  const owners = page.getByRole("link", { name: owner, exact: true });
  await expect(owners.first()).toBeVisible();
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
});
