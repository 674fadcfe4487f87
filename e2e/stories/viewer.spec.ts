import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api";
import { LoginPage } from "../pages/login-page";

test.use({ storageState: { cookies: [], origins: [] } });

test("a viewer sees no mutation controls, and the API answers 403 if they try anyway", async ({ page }) => {
  const admin = await signedInApi();
  const email = `viewer-${Date.now().toString(36)}@e2e.test`;
  expect((await admin.post("/api/users", { data: { email, password: "viewer-password-1", role: "viewer" } })).status()).toBe(201);
  const pending = await (await admin.get("/api/applications?limit=1")).json();
  const publics = await (await admin.get("/api/groups?type=Public&limit=1")).json();

  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, "viewer-password-1");
  // Signing in lands on the dashboard; the groups list is where a viewer would look for controls.
  await expect(page.getByRole("heading", { name: "Moderation dashboard", level: 1 })).toBeVisible();
  await page.goto("/groups");
  await expect(page.getByRole("heading", { name: "Groups", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "New group" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Crawl again" })).toHaveCount(0);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Groups", exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit", exact: true })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Users", exact: true })).toHaveCount(0);

  await page.goto(`/groups/${encodeURIComponent(publics.items[0].id)}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const name of ["Edit profile", "Save join option", "Dismiss this group…", "Make admin", "Remove", "Approve", "Send notification"]) {
    await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
  }

  await page.goto("/applications");
  await expect(page.getByRole("table")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);

  // The UI only hides: the routes are what refuse.
  const viewer = await signedInApi(email, "viewer-password-1");
  const approve = await viewer.post(`/api/applications/${pending.items[0].id}/approve`, { data: {} });
  expect(approve.status()).toBe(403);
  expect((await approve.json()).error.code).toBe("forbidden");
  expect((await viewer.post("/api/groups", { data: { type: "Public", name: "nope" } })).status()).toBe(403);
  await viewer.dispose();
  await admin.dispose();
});
