import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { signedInApi } from "./api";

// A message key shown instead of its words looks like "Groups.title": any of our namespaces, a dot, a key.
const namespaces = Object.keys(JSON.parse(readFileSync("messages/en.json", "utf8")));
const RAW_KEY = new RegExp(`\\b(${namespaces.join("|")})\\.[A-Za-z_]+`);

/**
 * Every text and every label a reader or a screen reader gets, with no raw message key among them. The languages
 * have the same keys (lib/i18n.test.ts), so a key missing from the messages is missing in every language: the
 * accessibility scans check each main page in English, the language stories a few in Japanese and Chinese.
 */
export async function expectNoRawKeys(page: Page, what: string) {
  const texts = await page.evaluate(() => [
    document.title,
    document.body.innerText,
    ...[...document.querySelectorAll("[aria-label],[title],[placeholder]")].flatMap((el) =>
      ["aria-label", "title", "placeholder"].map((a) => el.getAttribute(a) ?? ""),
    ),
  ]);
  expect(
    texts.filter((t) => RAW_KEY.test(t)).map((t) => t.match(RAW_KEY)?.[0]),
    what,
  ).toEqual([]);
}

/**
 * No serious or critical axe violation on the page, in the state it is in now. `rules` narrows the scan, for a
 * page already scanned whole in another state (dark mode changes colours, not structure); `exclude` leaves out
 * repeats of what is scanned once already.
 */
export async function expectAccessible(page: Page, what: string, { rules, exclude = [] }: { rules?: string[]; exclude?: string[] } = {}) {
  // Only violations are read: axe then skips collecting every passing node, most of a scan's work on a long page.
  let builder = exclude.reduce((b, selector) => b.exclude(selector), new AxeBuilder({ page }).options({ resultTypes: ["violations"] }));
  // With a modal open, the dialog is what can be reached; the page behind is dimmed and inert (and scanned on its
  // own elsewhere). Scanning it through the overlay would judge the contrast of text nobody is meant to read —
  // a live badge arriving behind the dialog failed a run that way.
  if ((await page.locator('[role="dialog"]').count()) > 0) builder = builder.include('[role="dialog"]');
  const results = await (rules ? builder.withRules(rules) : builder).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    ),
    what,
  ).toEqual([]);
}

/**
 * Lists refetch at every live event, and the other stories make events all the time: "no request for half a
 * second" may never come on a page with lists. Their having loaded is what a scan needs. The API reference has
 * no live list, and loads its parts on demand: there, the network going quiet is the sign.
 */
export async function settled(page: Page, what: string) {
  if (what === "/api-docs") await page.waitForLoadState("networkidle");
  else await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** A Public group that takes applications and has the most pending: the busiest group page to look at. */
export async function busiestPublicGroupId(): Promise<string> {
  const api = await signedInApi();
  const publics = await (await api.get("/api/groups?type=Public&joinOption=NeedPermission&sort=-pending&limit=50")).json();
  await api.dispose();
  // Stories elsewhere leave small groups with many arrivals pending; the pages under test want a lived-in
  // group (members to show, a member limit that cannot go below them).
  return (publics.items.find((g: { memberCount: number }) => g.memberCount >= 2) ?? publics.items[0]).id;
}
