import { expect, test, type Page } from "@playwright/test";

/**
 * A moderator on a phone (390 px wide): lists become labelled cards, and no page makes them scroll sideways,
 * neither the page nor a table inside it.
 */
test.use({ viewport: { width: 390, height: 844 } });

async function nothingScrollsSideways(page: Page) {
  const overflow = await page.evaluate(() => {
    const wider = (el: Element) => el.scrollWidth > el.clientWidth + 1;
    return {
      page: document.documentElement.scrollWidth > window.innerWidth + 1,
      tables: [...document.querySelectorAll("table")].filter((t) => wider(t) || (t.parentElement !== null && wider(t.parentElement)))
        .length,
    };
  });
  expect(overflow).toEqual({ page: false, tables: 0 });
}

for (const path of ["/groups", "/audit", "/users"]) {
  test(`${path} fits a phone's width: each row is a card with its columns' names`, async ({ page }) => {
    await page.goto(path);
    const firstRow = page.getByRole("row").nth(1);
    await expect(firstRow).toBeVisible();
    await nothingScrollsSideways(page);
    // The column names are shown beside the values (the header row is only for screen readers now).
    const label = await firstRow
      .getByRole("cell")
      .first()
      .evaluate((td) => getComputedStyle(td, "::before").content);
    expect(label).not.toBe("none");
  });
}
