import { expect, test, type Page } from "@playwright/test";
import { signedInApi } from "../support/api";
import { newAppUser } from "../support/app-users";
import { GroupPage } from "../pages/group-page";

// The browser's clock runs 90 s ahead of the server's. Relative times must still be the server's ("5 seconds
// ago", not "2 minutes ago"), and what the server rendered must hydrate without a text mismatch (React #418).
const SKEW_MS = 90_000;
const SECONDS_AGO = /^(now|\d{1,2} seconds? ago)$/;

function hydrationErrors(page: Page): string[] {
  const seen: string[] = [];
  const note = (text: string) => void (/\b418\b|hydrat/i.test(text) && seen.push(text));
  page.on("console", (m) => m.type() === "error" && note(m.text()));
  page.on("pageerror", (e) => note(`${e.message}\n${e.stack ?? ""}`));
  return seen;
}

/** React has taken over the page (its nodes carry their fibers) and reported whatever mismatch it found. */
async function hydrated(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForFunction(() => Object.keys(document.querySelector("h1") ?? {}).some((k) => k.startsWith("__reactFiber$")));
  await page.waitForTimeout(300);
}

test("times are the server's and the main pages hydrate without a mismatch, though the browser's clock is off", async ({ page }) => {
  const api = await signedInApi();
  const group = await (
    await api.post("/api/groups", { data: { type: "Public", name: `Clock ${Date.now().toString(36)}`, joinOption: "NeedPermission" } })
  ).json();
  const { userId, phone } = await newAppUser("Tokei 時計");
  expect((await phone.joinGroup(group.id, "hello")).status).toBe("applied");
  const errors = hydrationErrors(page);
  await page.clock.install({ time: Date.now() + SKEW_MS });

  for (const path of ["/groups", "/applications", "/audit"]) {
    await page.goto(path);
    await hydrated(page);
  }
  // A fresh application, rendered on the server: its age is in the HTML, then kept by the server's clock.
  await page.goto(`/applications?groupId=${encodeURIComponent(group.id)}`);
  await hydrated(page);
  await expect(page.getByRole("row").filter({ hasText: userId }).locator("time").first()).toHaveText(SECONDS_AGO);
  // The group's creation, a few seconds ago, read in the browser.
  const groupPage = new GroupPage(page);
  await groupPage.goto(group.id);
  await hydrated(page);
  await expect(groupPage.panel("Recent events").locator("time").first()).toHaveText(SECONDS_AGO);

  expect(errors).toEqual([]);
  await phone.logout();
  await api.dispose();
});
