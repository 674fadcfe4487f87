import { expect, type Page } from "@playwright/test";

export class GroupPage {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/groups/${encodeURIComponent(id)}`);
    await expect(this.page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(id);
  }

  panel(title: string | RegExp) {
    return this.page.getByRole("region", { name: title });
  }
}
