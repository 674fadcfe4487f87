import { expect, type Page } from "@playwright/test";

export class GroupPage {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/groups/${encodeURIComponent(id)}`);
    await expect(this.page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(id);
  }

  /** A panel by its title: a string is the whole title, perhaps with a count ("Members (25)"), never a part of
   * another panel's ("Muted members"). */
  panel(title: string | RegExp) {
    const name = typeof title === "string" ? new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\([\\d,]+\\))?$`) : title;
    return this.page.getByRole("region", { name });
  }
}
