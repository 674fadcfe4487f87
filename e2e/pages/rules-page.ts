import { expect, type Page } from "@playwright/test";

export class RulesPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/rules");
    await expect(this.page.getByRole("heading", { name: "Rules", level: 1 })).toBeVisible();
  }

  openNewRule() {
    return this.page.getByRole("button", { name: "New rule" }).click();
  }

  /** The editor, by its title: "New rule", "Edit “…”", or "Rule “…”" for a moderator. */
  editor(title: string) {
    return this.page.getByRole("dialog", { name: title });
  }

  /** A rule of the ordered list, by its name. */
  rule(name: string) {
    return this.page.getByRole("list", { name: "Rules in order" }).getByRole("listitem", { name, exact: true });
  }
}
