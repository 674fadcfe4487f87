import { expect, test, type Page } from "@playwright/test";
import { signedInApi } from "../support/api";
import { newAppUser } from "../support/app-users";
import { GroupsPage } from "../pages/groups-page";

const unique = () => Date.now().toString(36);

/** Opens the groups list and waits until its live stream is connected, so nothing said after is missed. */
async function openLiveGroups(page: Page) {
  const connected = page.waitForResponse((r) => r.url().endsWith("/api/events") && r.status() === 200);
  const groups = new GroupsPage(page);
  await groups.goto();
  await connected;
  // A reload would drop this marker.
  await page.evaluate(() => ((window as unknown as { liveMarker: boolean }).liveMarker = true));
  return groups;
}

const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { liveMarker?: boolean }).liveMarker === true);

test("a group created in another console appears in the open list without a reload", async ({ page }) => {
  const groups = await openLiveGroups(page);
  const elsewhere = await signedInApi();
  const name = `Created elsewhere ${unique()}`;
  expect((await elsewhere.post("/api/groups", { data: { type: "Meeting", name } })).status()).toBe(201);
  // Newest first: the new group lands on the first page.
  await expect(groups.rows().filter({ hasText: name })).toBeVisible();
  expect(await notReloaded(page)).toBe(true);
  await elsewhere.dispose();
});

test("new applications show as a count on the navigation, covering nothing, and the inbox clears it", async ({ page }) => {
  const api = await signedInApi();
  const group = await (
    await api.post("/api/groups", { data: { type: "Public", name: `Book club ${unique()}`, joinOption: "NeedPermission" } })
  ).json();
  await openLiveGroups(page);

  const applicants = await Promise.all(["Aiko 愛子", "Bo 博", "Chen 陈"].map((nick) => newAppUser(nick)));
  for (const { phone } of applicants) expect((await phone.joinGroup(group.id, "hi")).status).toBe("applied");

  // Announced once to screen readers, and shown as a badge on the Applications link, inside the header.
  await expect(page.getByRole("status").filter({ hasText: "new application" })).toHaveText("3 new applications");
  const link = page.getByRole("navigation").getByRole("link", { name: /^Applications/ });
  await expect(link).toHaveAccessibleName("Applications 3 new applications");
  const [badge, header] = [await link.locator("span").first().boundingBox(), await page.locator("header").boundingBox()];
  expect(badge!.y).toBeGreaterThanOrEqual(header!.y);
  expect(badge!.y + badge!.height).toBeLessThanOrEqual(header!.y + header!.height);
  // The list's pending count followed too, without a reload.
  const pendingColumn = 6;
  await expect(new GroupsPage(page).rows().filter({ hasText: group.id }).locator("td").nth(pendingColumn)).toHaveText("3");
  expect(await notReloaded(page)).toBe(true);

  await link.click();
  await expect(page).toHaveURL(/\/applications/);
  await expect(page.getByRole("status").filter({ hasText: "new application" })).toHaveCount(0);
  await expect(link).toHaveAccessibleName("Applications");

  for (const { phone } of applicants) await phone.logout();
  await api.dispose();
});

test("a stream that stays down is reported quietly, and the report goes once it is back", async ({ page }) => {
  await page.clock.install();
  let down = true;
  await page.route("**/api/events", (route) => (down ? route.fulfill({ status: 503, body: "" }) : route.continue()));
  const groups = new GroupsPage(page);
  await groups.goto();
  const paused = page.getByRole("status").filter({ hasText: "Live updates paused" });
  await page.clock.runFor(5_000);
  await expect(paused).toHaveCount(0);
  await page.clock.runFor(6_000);
  await expect(paused).toHaveText("Live updates paused — reconnecting…");
  down = false;
  await page.clock.runFor(31_000);
  await expect(paused).toHaveCount(0);
});
