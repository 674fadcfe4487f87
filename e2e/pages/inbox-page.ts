import { expect, type Page } from "@playwright/test";

/** The applications inbox (/applications): its filters live in the URL. */
export class InboxPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/applications${query}`);
    await expect(this.page.getByRole("heading", { name: "Applications", level: 1 })).toBeVisible();
  }

  table() {
    return this.page.getByRole("table");
  }

  /** One row per application shown (a row saying the list is empty counts as none). */
  rows() {
    return this.table().locator("tbody tr[data-application-id]");
  }

  /** The list has answered: rows, or the message that there are none. */
  async expectLoaded() {
    await expect(this.table()).toHaveAttribute("aria-busy", "false");
  }
}
