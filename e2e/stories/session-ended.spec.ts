import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api";
import { LoginPage } from "../pages/login-page";

test.use({ storageState: { cookies: [], origins: [] } });

test("a moderator's open page goes to sign-in, saying why, when an admin resets their password", async ({ page }) => {
  test.setTimeout(60_000);
  const admin = await signedInApi();
  const email = `reset-${Date.now().toString(36)}@e2e.test`;
  const created = await admin.post("/api/users", { data: { email, password: "correct-horse-battery", role: "moderator" } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  await new LoginPage(page).goto();
  await new LoginPage(page).signIn(email, "correct-horse-battery");
  await expect(page.getByRole("heading", { name: "Groups" })).toBeVisible();

  expect((await admin.patch(`/api/users/${id}`, { data: { password: "set-by-the-admin" } })).status()).toBe(200);
  // No reload: the page's live connection is closed at its next check, and the page follows.
  await expect(page).toHaveURL(/\/login\?.*reason=password_reset/, { timeout: 40_000 });
  await expect(page.getByRole("status").filter({ hasText: "An admin set a new password" })).toBeVisible();
  await admin.dispose();
});
