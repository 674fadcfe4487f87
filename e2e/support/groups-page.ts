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
