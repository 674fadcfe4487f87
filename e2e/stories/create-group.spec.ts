import { expect, test } from "@playwright/test";
import { GroupsPage } from "../pages/groups-page";

test("an admin creates a Public group and sees it in the list", async ({ page }) => {
  const groups = new GroupsPage(page);
  await groups.goto("?type=Public");
  await groups.openCreateDialog();
  const dialog = groups.dialog();
  const name = `読書会 Book Club ${Date.now().toString(36)}`;
  await dialog.getByLabel("Type").selectOption("Public");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Join option").selectOption("FreeAccess");
  await dialog.getByLabel("Introduction (optional)").fill("Monthly reading, 毎月");
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: name })).toBeVisible();
  const row = groups.rows().filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Anyone can join");
});

test("the join option is fixed for types that allow only one, and says why", async ({ page }) => {
  const groups = new GroupsPage(page);
  await groups.goto();
  await groups.openCreateDialog();
  const dialog = groups.dialog();
  await dialog.getByLabel("Type").selectOption("Work");
  await expect(dialog.getByLabel("Join option")).toBeDisabled();
  await expect(dialog.getByLabel("Join option")).toHaveValue("DisableApply");
  await expect(dialog).toContainText("Fixed for Work groups");
});

test("bad input is shown at the field and nothing is created", async ({ page }) => {
  const groups = new GroupsPage(page);
  await groups.goto();
  const totalText = await page.getByText(/\d+ groups/).innerText();
  await groups.openCreateDialog();
  const dialog = groups.dialog();
  await dialog.getByLabel("Name").fill("名".repeat(34));
  await dialog.getByLabel("Group ID (optional)").fill("@TGS#mine");
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toContainText("at most 100 bytes");
  await expect(dialog).toContainText("must not start with @TGS#");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText(/\d+ groups/)).toHaveText(totalText);
});

test("a refused name is checked again as it is typed, with its byte counter beside the error", async ({ page }) => {
  const groups = new GroupsPage(page);
  await groups.goto();
  await groups.openCreateDialog();
  const dialog = groups.dialog();
  const name = dialog.getByLabel("Name");
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(dialog.getByText("Name is required")).toBeVisible();
  await expect(dialog.getByText("0 / 100 bytes")).toBeVisible();
  await name.fill("Hikers");
  await expect(dialog.getByText("Name is required")).toBeHidden();
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("6 / 100 bytes")).toBeVisible();
  // Over the limit while typing: the error comes back at once, and the counter says by how much.
  await name.fill("名".repeat(34));
  await expect(dialog).toContainText("at most 100 bytes");
  await expect(dialog.getByText("102 / 100 bytes")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
});

test("an IM refusal is explained at the field: a taken group ID", async ({ page, request }) => {
  const id = `taken-${Date.now().toString(36)}`;
  expect((await request.post("/api/groups", { data: { type: "Meeting", name: "first", id } })).status()).toBe(201);
  const groups = new GroupsPage(page);
  await groups.goto();
  await groups.openCreateDialog();
  const dialog = groups.dialog();
  await dialog.getByLabel("Type").selectOption("Meeting");
  await dialog.getByLabel("Name").fill("second");
  await dialog.getByLabel("Group ID (optional)").fill(id);
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(dialog).toContainText("That group ID is already taken (IM code 10021)");
});
