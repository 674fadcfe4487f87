import { expect, type Page } from "@playwright/test";

export class AuditPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/audit${query}`);
    await expect(this.page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  }

  rows() {
    return this.page.getByRole("table", { name: "Audit log" }).locator("tbody tr");
  }

  filterByAction(action: string) {
    return this.page.getByLabel("Action").selectOption(action);
  }

  async filterByWho(text: string) {
    await this.page.getByLabel("Who").fill(text);
    await this.page.getByRole("button", { name: "Apply" }).click();
  }
}
