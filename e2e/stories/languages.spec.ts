import { expect, test, type Page } from "@playwright/test";
import { busiestPublicGroupId, expectNoRawKeys, settled } from "../support/accessibility";
import { contextAsNewUser } from "../support/throwaway-user";

let groupId = "";
test.beforeAll(async () => {
  groupId = await busiestPublicGroupId();
});

async function visitMainPages(page: Page, headings: { groups: string; applications: string; account: string }) {
  const pages: [string, string][] = [
    ["/", ""],
    ["/groups", headings.groups],
    [`/groups/${encodeURIComponent(groupId)}`, ""],
    ["/applications", headings.applications],
    ["/account", headings.account],
  ];
  for (const [path, heading] of pages) {
    await page.goto(path);
    const h1 = page.locator("main h1").first();
    await expect(h1).toBeVisible();
    if (heading) await expect(h1).toHaveText(heading);
    await settled(page, path);
    await expectNoRawKeys(page, path);
  }
}

test.describe("in Japanese, from the browser's language", () => {
  test.use({ locale: "ja-JP" });

  test("the main pages, a dialog and the sign-in page speak Japanese", async ({ page, browser }) => {
    test.slow(); // the main pages, a dialog and the sign-in page
    await page.goto("/groups");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("columnheader", { name: "参加方式" })).toBeVisible();
    await visitMainPages(page, {
      groups: "グループ",
      applications: "参加申請",
      account: "アカウント",
    });

    await page.goto("/groups");
    await page.getByRole("button", { name: "新しいグループ" }).click();
    await expect(page.getByRole("dialog", { name: "新しいグループ" })).toBeVisible();
    await expectNoRawKeys(page, "create dialog");

    const signedOut = await browser.newContext({ locale: "ja-JP", storageState: { cookies: [], origins: [] } });
    const login = await signedOut.newPage();
    await login.goto("/login");
    await expect(login.getByRole("heading", { name: "Group Console にサインイン" })).toBeVisible();
    await expectNoRawKeys(login, "/login");
    await signedOut.close();
  });
});

test("in Simplified Chinese, chosen by the user, whatever the browser asks for", async ({ browser }) => {
  test.slow(); // every main page, an edit and a language switch
  const { context, api } = await contextAsNewUser(browser, { locale: "zh" }, { locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/groups");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("columnheader", { name: "加群方式" })).toBeVisible();
  // Every main page is visited in Japanese above; in Chinese, the queue and the rules are enough to show the
  // user's choice holds from page to page (and the rules page has no raw keys in Chinese either).
  for (const [path, heading] of [
    ["/applications", "入群申请"],
    ["/rules", "规则"],
  ]) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toHaveText(heading);
    await settled(page, path);
    await expectNoRawKeys(page, path);
  }

  // An error in words, with the codes still there for support.
  await page.goto(`/groups/${encodeURIComponent(groupId)}`);
  await page.getByRole("button", { name: "编辑群资料" }).click();
  await page.getByLabel("成员上限").fill("1");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText(/上限不能低于此数/)).toBeVisible();

  // Switching back to English on /account applies at once, without a reload.
  await page.goto("/account");
  await page.getByLabel("语言").selectOption("en");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
  await api.dispose();
});
