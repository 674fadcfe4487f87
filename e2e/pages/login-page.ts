import type { Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}

  goto(from?: string) {
    return this.page.goto(from ? `/login?from=${encodeURIComponent(from)}` : "/login");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }
}
