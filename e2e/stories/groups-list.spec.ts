import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api";
import { GroupsPage } from "../pages/groups-page";

test("an operator sees the groups with their type, owner, members and join option", async ({ page }) => {
  const groups = new GroupsPage(page);
  await groups.goto();
  await expect(groups.rows().first()).toBeVisible();
  for (const header of ["ID", "Name", "Type", "Owner", "Members / max", "Join option", "Created"]) {
    await expect(groups.table().getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  }
  // The demo data speaks three languages; names are shown exactly as typed.
  await expect(groups.table()).toContainText(/[\u3040-\u30ff\u4e00-\u9fff]/);
});

test("filtering by type keeps the filter in the URL and shows only that type", async ({ page }) => {
  const groups = new GroupsPage(page);
  await groups.goto();
  await groups.filterByType("Meeting");
  await expect(page).toHaveURL(/type=Meeting/);
  await expect(groups.rows().first()).toBeVisible();
  const types = await groups.rows().locator("td:nth-child(3)").allInnerTexts();
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set(["Meeting"]));
  await page.reload();
  await expect(page.getByLabel("Type", { exact: true })).toHaveValue("Meeting");
});

test("paging forward and back through the groups", async ({ page }) => {
  // A page holds 50: make sure there is a second one, whatever ran before.
  const api = await signedInApi();
  const { total } = await (await api.get("/api/groups?limit=1")).json();
  for (let i = total; i < 60; i++)
    expect((await api.post("/api/groups", { data: { type: "Meeting", name: `Paging filler ${i}` } })).status()).toBe(201);
  await api.dispose();
  const groups = new GroupsPage(page);
  await groups.goto();
  const firstPage = await groups.rows().locator("td:first-child").allInnerTexts();
  // The list is drawn on the server: a click that lands before the page's script has taken over does nothing, so
  // the click is repeated until the page moves (once, on a busy machine, it did not).
  await expect(async () => {
    await page.getByRole("button", { name: "Next →" }).click();
    await expect(page).toHaveURL(/cursor=/, { timeout: 2_000 });
  }).toPass();
  await expect(groups.rows().first()).not.toHaveText(firstPage[0]);
  const secondPage = await groups.rows().locator("td:first-child").allInnerTexts();
  expect(secondPage.some((id) => firstPage.includes(id))).toBe(false);
  await page.getByRole("button", { name: "← Previous" }).click();
  await expect(groups.rows().first().locator("td:first-child")).toHaveText(firstPage[0]);
});
