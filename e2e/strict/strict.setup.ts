import { expect, test as setup } from "@playwright/test";
import { LoginPage } from "../support/login-page";
import { STRICT } from "../support/strict-env";

setup("the console in front of a Tencent-strict IM server knows it has no extensions; an admin signs in", async ({ page, request }) => {
  const health = await (await request.get(`${STRICT.baseUrl}/api/health`)).json();
  expect(health.im).toMatchObject({ ok: true, extensions: { applications: false } });
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(STRICT.admin.email, STRICT.admin.password);
  await expect(page).toHaveURL(/\/groups/);
  await page.context().storageState({ path: STRICT.adminState });
});
