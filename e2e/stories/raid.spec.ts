import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { groupWithApplicants, inboxFor, raid } from "../support/applicants";

// A spam wave of 300 join requests arrives while a moderator watches the group's queue; she refuses all of
// them as one job (docs/jobs.md) instead of six pages of "select all, refuse", and a colleague in another
// browser watches the same job's progress.

const RAID = 300;

test("a raid of 300 arrives live and is refused as one job with progress, which a second browser sees too", async ({ browser, page }) => {
  test.setTimeout(90_000);
  const { api, group, done } = await groupWithApplicants(0, "Raided");
  const colleague = await browser.newContext({ storageState: E2E.adminState });
  const watching = await colleague.newPage();
  await inboxFor(page, group.id);
  await inboxFor(watching, group.id);

  // What the colleague's screen shows of the job as it changes: its state and how far its progress bar is.
  await watching.evaluate(() => {
    const w = window as unknown as { seen: string[] };
    w.seen = [];
    new MutationObserver(() => {
      for (const job of document.querySelectorAll("article[data-job-state]"))
        w.seen.push(`${job.getAttribute("data-job-state")} ${job.querySelector("progress")?.value}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  await raid(group.id, RAID);
  // It arrived live: nobody reloaded; the footer counts every one of them.
  await expect(page.getByText(`50 of ${RAID} shown`)).toBeVisible({ timeout: 20_000 });

  await page.getByRole("checkbox", { name: "Select all shown applications" }).check();
  await page.getByRole("button", { name: `Select all ${RAID} matching this filter` }).click();
  await expect(page.getByText(`All ${RAID} matching this filter are selected`)).toBeVisible();
  await page.getByRole("button", { name: `Refuse ${RAID}` }).click();
  const dialog = page.getByRole("dialog", { name: `Refuse all ${RAID} applications matching this filter?` });
  await dialog.getByRole("textbox", { name: "Reason (optional)" }).fill("Spam wave");
  await dialog.getByRole("button", { name: "Refuse", exact: true }).click();

  // Her browser shows the job, with a progress bar, until it is done.
  const card = page.getByRole("article", { name: new RegExp(`refus\\w* .*${RAID} applications`) });
  await expect(card.getByRole("progressbar")).toBeVisible();
  await expect(card).toHaveAttribute("data-job-state", "done", { timeout: 60_000 });
  await expect(card.getByRole("status")).toHaveText(`${RAID} refused, 0 not handled`);

  // So does her colleague's: the job, and how it ended. How many steps of its progress that browser drew
  // depends on the machine (300 refusals take 1.5–3 s): reported, not asserted.
  const theirs = watching.getByRole("article", { name: new RegExp(`refus\\w* .*${RAID} applications`) });
  await expect(theirs).toHaveAttribute("data-job-state", "done", { timeout: 20_000 });
  await expect(theirs.getByRole("status")).toHaveText(`${RAID} refused, 0 not handled`);
  const seen = [...new Set(await watching.evaluate(() => (window as unknown as { seen: string[] }).seen))];
  console.log(`raid: the second browser showed the job as ${seen.join(" → ")}`);

  // Nothing is left waiting, and every one of them was refused with the reason.
  await expect(page.getByText("No pending applications")).toBeVisible();
  const refused = await (await api.get(`/api/applications?groupId=${encodeURIComponent(group.id)}&status=refused&limit=1`)).json();
  expect([refused.total, refused.items[0].reason]).toEqual([RAID, "Spam wave"]);
  await colleague.close();
  await done();
});
