import { expect, test as setup } from "@playwright/test";
import { LoginPage } from "../pages/login-page";
import { STRICT } from "../support/strict-env";

setup("an admin signs in to the console in front of a Tencent-strict IM server, and it knows it has no extensions", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(STRICT.admin.email, STRICT.admin.password);
  await expect(page).toHaveURL(/\/$/);
  // Which IM server the console is in front of is configuration: only an admin is told (GET /api/health/details).
  const details = await (await page.request.get(`${STRICT.baseUrl}/api/health/details`)).json();
  expect(details.im).toMatchObject({ ok: true, extensions: { applications: false } });
  await page.context().storageState({ path: STRICT.adminState });
});
