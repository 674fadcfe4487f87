import { expect, test } from "@playwright/test";
import { AuditPage } from "../pages/audit-page";
import { E2E } from "../support/env";
import { LoginPage } from "../pages/login-page";
import { trySignIn } from "../support/sign-in-attempt";

const run = Date.now().toString(36);
const PASSWORD = "story-password-123";

test("an admin adds a moderator, and the audit log shows who did it", async ({ page }) => {
  const email = `mod-${run}@e2e.test`;
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Name (optional)").fill("Mei 美");
  await dialog.getByLabel("Password").fill("short");
  await dialog.getByLabel("Role").selectOption("moderator");
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toContainText("at least 10 characters");
  await dialog.getByLabel("Password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Added ${email} as a moderator.` })).toBeVisible();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("moderator");

  const audit = new AuditPage(page);
  await audit.goto();
  await audit.filterByAction("user.create");
  await expect(page).toHaveURL(/action=user\.create/);
  const row = audit.rows().filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row).toContainText(E2E.admin.email);
  await expect(row).toContainText("moderator");
  await expect(row).toContainText("ok");
});

test("the same email twice is refused at the email field", async ({ page, request }) => {
  const email = `twice-${run}@e2e.test`;
  expect((await request.post("/api/users", { data: { email, password: PASSWORD, role: "viewer" } })).status()).toBe(201);
  await page.goto("/users");
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toContainText("already exists");
});

test("an admin changes a role and disables a user from the list", async ({ page, request }) => {
  const email = `listed-${run}@e2e.test`;
  expect((await request.post("/api/users", { data: { email, password: PASSWORD, role: "viewer" } })).status()).toBe(201);
  await page.goto("/users");
  await page.getByLabel(`Role of ${email}`).selectOption("moderator");
  // It asks first, and says the change signs them out; cancelling changes nothing.
  const role = page.getByRole("dialog", { name: `Make ${email} Moderator?` });
  await expect(role).toContainText("signs " + email + " out everywhere");
  await role.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("viewer");
  await page.getByLabel(`Role of ${email}`).selectOption("moderator");
  await page
    .getByRole("dialog", { name: `Make ${email} Moderator?` })
    .getByRole("button", { name: "Change role" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: `${email} is now a moderator.` })).toBeVisible();
  await page.getByRole("button", { name: `Disable ${email}` }).click();
  await page
    .getByRole("dialog", { name: `Disable ${email}?` })
    .getByRole("button", { name: "Disable" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: `${email} is disabled` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Enable ${email}` })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("moderator");
  await expect(page.getByRole("button", { name: `Enable ${email}` })).toBeVisible();
  // One's own row offers no way to lock oneself out.
  await expect(page.getByLabel(`Role of ${E2E.admin.email}`)).toBeDisabled();
  await expect(page.getByRole("button", { name: `Disable ${E2E.admin.email}` })).toHaveCount(0);
});

test("audit filters live in the URL, survive a reload, and shape the CSV link", async ({ page, request }) => {
  const id = `story-audit-${run}`;
  expect((await request.post("/api/groups", { data: { type: "Meeting", name: "Story audit group", id } })).status()).toBe(201);
  const audit = new AuditPage(page);
  await audit.goto();
  await page.getByLabel("Group ID").fill(id);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`groupId=${id}`));
  await expect(audit.rows()).toHaveCount(1);
  // The action in words, with its code for support.
  await expect(audit.rows().first()).toContainText("Group created");
  await expect(audit.rows().first()).toContainText("group.create");
  await expect(page.getByLabel("Action").locator("option", { hasText: "Sign-in failed" })).toHaveAttribute("value", "auth.signin_failed");
  await expect(audit.rows().first().getByRole("link", { name: id })).toHaveAttribute("href", `/groups/${id}`);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", `/api/audit.csv?groupId=${id}`);

  await page.reload();
  await expect(page.getByLabel("Group ID")).toHaveValue(id);
  await expect(audit.rows()).toHaveCount(1);

  await audit.filterByAction("group.dismiss");
  await expect(page.getByText("No entries match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByLabel("Group ID")).toHaveValue("");

  await audit.filterByWho(E2E.admin.email);
  await expect(page).toHaveURL(/actor=/);
  const who = await audit.rows().locator("td:nth-child(2)").allInnerTexts();
  expect(who.length).toBeGreaterThan(0);
  expect(new Set(who)).toEqual(new Set([E2E.admin.email]));
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("after too many wrong passwords the sign-in form says so, even for the right one", async ({ page, playwright }) => {
    const email = `locked-${run}@e2e.test`;
    const admin = await playwright.request.newContext({ baseURL: E2E.baseUrl, storageState: E2E.adminState });
    expect((await admin.post("/api/users", { data: { email, password: PASSWORD, role: "viewer" } })).status()).toBe(201);
    await admin.dispose();
    for (let i = 0; i < 5; i++) expect((await trySignIn(email, `nope-${i}`)).signedIn).toBe(false);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(email, PASSWORD);
    await expect(page.getByRole("alert").filter({ hasText: "Too many attempts" })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });
});
