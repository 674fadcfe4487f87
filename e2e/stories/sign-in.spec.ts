import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { LoginPage } from "../pages/login-page";

test.use({ storageState: { cookies: [], origins: [] } });

test("a signed-out visitor is sent to sign in, and comes back to the page they asked for", async ({ page }) => {
  await page.goto("/groups?type=Meeting");
  await expect(page).toHaveURL(/\/login\?from=/);
  await new LoginPage(page).signIn(E2E.admin.email, E2E.admin.password);
  await expect(page).toHaveURL(/\/groups\?type=Meeting$/);
  await expect(page.getByRole("heading", { name: "Groups" })).toBeVisible();
});

test("a wrong password is refused with a message and no session", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(E2E.admin.email, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await page.goto("/groups");
  await expect(page).toHaveURL(/\/login/);
});

test("a sign-in link that would send the user to another site lands on the console instead", async ({ page }) => {
  await page.goto(`/login?from=${encodeURIComponent("/\\evil.example")}`);
  await new LoginPage(page).signIn(E2E.admin.email, E2E.admin.password);
  await expect(page.getByRole("heading", { name: "Groups" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(E2E.baseUrl).origin);
});
