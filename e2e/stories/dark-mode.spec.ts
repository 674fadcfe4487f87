import { expect, test } from "@playwright/test";
import { busiestPublicGroupId, expectAccessible, settled } from "../support/accessibility";
import { contextAsNewUser } from "../support/throwaway-user";

let groupId = "";
test.beforeAll(async () => {
  groupId = await busiestPublicGroupId();
});

// The queue and a group's page hold every kind of component the lists have (tables, badges, buttons, dialogs'
// openers); the groups list adds none.
const paths = () => ["/applications", `/groups/${encodeURIComponent(groupId)}`];

// Dark mode changes colours, not structure: these pages are scanned whole in light (accessibility.spec.ts), and
// here for contrast alone.
const COLOURS = { rules: ["color-contrast", "link-in-text-block"] };

test("a user who chose dark gets it from the first paint, and every page passes axe in it", async ({ browser }) => {
  test.slow(); // two pages, each loaded twice and scanned by axe
  const { context, api } = await contextAsNewUser(browser, { theme: "dark" }, { colorScheme: "light" });
  const page = await context.newPage();
  for (const path of paths()) {
    // The class comes with the HTML itself: nothing switches after load.
    const html = await (await page.request.get(path)).text();
    expect(html).toMatch(/<html[^>]*class="dark"/);
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    await settled(page, path);
    await expectAccessible(page, `dark ${path}`, COLOURS);
  }
  await context.close();
  await api.dispose();
});

// Its colours are the dark ones scanned above: this one is about who decides, the user or the system.
test("'same as the system' follows the system's dark scheme", async ({ browser }) => {
  const { context, api } = await contextAsNewUser(browser, { theme: "system" }, { colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/applications");
  await expect(page.locator("html")).toHaveClass("system");
  await expect(page.locator("main h1").first()).toBeVisible();
  // The page is drawn dark: its background is near black (Tailwind's colours are oklch, lightness first).
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [first = 1, g = 0, b = 0] = (background.match(/[\d.]+/g) ?? []).map(Number);
  expect(background.startsWith("oklch") ? first < 0.3 : first + g + b < 150, background).toBe(true);
  await context.close();
  await api.dispose();
});
