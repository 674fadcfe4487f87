import { expect, type Page } from "@playwright/test";

export class GroupsPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/groups${query}`);
    await expect(this.page.getByRole("heading", { name: "Groups", level: 1 })).toBeVisible();
  }

  table() {
    return this.page.getByRole("table", { name: "Groups" });
  }

  rows() {
    return this.table().locator("tbody tr");
  }

  /** Opens the group of the first row, by its name's link; answers the group's ID. */
  async openFirstGroup(): Promise<string> {
    const link = this.rows().first().locator('a[href^="/groups/"]').first();
    const href = (await link.getAttribute("href")) ?? "";
    await link.click();
    await expect(this.page).toHaveURL(/\/groups\/[^/?]+$/);
    return decodeURIComponent(href.slice("/groups/".length));
  }

  filterByType(type: string) {
    return this.page.getByLabel("Type", { exact: true }).selectOption(type);
  }

  openCreateDialog() {
    return this.page.getByRole("button", { name: "New group" }).click();
  }

  dialog() {
    return this.page.getByRole("dialog", { name: "New group" });
  }
}
