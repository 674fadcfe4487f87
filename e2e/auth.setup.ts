import { expect, test as setup } from "@playwright/test";
import { E2E } from "./support/env";
import { LoginPage } from "./pages/login-page";

setup("an admin signs in and the session is kept for the other tests", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(E2E.admin.email, E2E.admin.password);
  // Signed in without a page to return to: the dashboard.
  await expect(page).toHaveURL(/\/$/);
  await page.context().storageState({ path: E2E.adminState });
});
