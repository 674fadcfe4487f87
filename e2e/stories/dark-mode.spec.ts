import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signedInApi } from "../support/api";
import { contextAsNewUser } from "../support/throwaway-user";

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), what).toEqual([]);
}

let groupId = "";
test.beforeAll(async () => {
  const api = await signedInApi();
  const publics = await (await api.get("/api/groups?type=Public&joinOption=NeedPermission&sort=-pending&limit=1")).json();
  groupId = publics.items[0].id;
  await api.dispose();
});

const paths = () => ["/groups", "/applications", `/groups/${encodeURIComponent(groupId)}`];

test("a user who chose dark gets it from the first paint, and every page passes axe in it", async ({ browser }) => {
  test.slow(); // three pages, each loaded twice and scanned by axe
  const { context, api } = await contextAsNewUser(browser, { theme: "dark" }, { colorScheme: "light" });
  const page = await context.newPage();
  for (const path of paths()) {
    // The class comes with the HTML itself: nothing switches after load.
    const html = await (await page.request.get(path)).text();
    expect(html).toMatch(/<html[^>]*class="dark"/);
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, `dark ${path}`);
  }
  await context.close();
  await api.dispose();
});

test("'same as the system' follows the system's dark scheme, and passes axe in it", async ({ browser }) => {
  const { context, api } = await contextAsNewUser(browser, { theme: "system" }, { colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/applications");
  await expect(page.locator("html")).toHaveClass("system");
  await expect(page.locator("main h1").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, "system dark /applications");
  await context.close();
  await api.dispose();
});
