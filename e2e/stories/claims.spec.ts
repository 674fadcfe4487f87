import { expect, test, type Browser, type Page } from "@playwright/test";
import { signedInApi } from "../support/api";
import { groupWithApplicants, inboxFor } from "../support/applicants";

// Two moderators in two browsers at one queue (docs/contracts.md § Claims): the one who moves to an application
// holds it, the other sees who within a second and is asked before deciding it.

async function moderatorBrowser(browser: Browser, name: string) {
  const admin = await signedInApi();
  const email = `${name.toLowerCase()}-${Date.now().toString(36)}@claims.e2e.test`;
  const password = "claims-password-1";
  expect((await admin.post("/api/users", { data: { email, name, password, role: "moderator" } })).status()).toBe(201);
  await admin.dispose();
  const api = await signedInApi(email, password);
  const context = await browser.newContext({ storageState: await api.storageState() });
  await api.dispose();
  return { context, page: await context.newPage(), email };
}

const currentId = (page: Page) => page.locator("tr[data-current]").getAttribute("data-application-id");
const rowOf = (page: Page, id: string) => page.locator(`tr[data-application-id="${id}"]`);

test("Ben sees that Aiko is reviewing an application, and is asked before approving it anyway", async ({ browser }) => {
  const { group, done } = await groupWithApplicants(2, "Claims");
  const aiko = await moderatorBrowser(browser, "Aiko");
  const ben = await moderatorBrowser(browser, "Ben");
  await inboxFor(ben.page, group.id);
  await inboxFor(aiko.page, group.id);
  await expect(aiko.page.getByRole("row")).toHaveCount(3);
  await expect(ben.page.getByRole("row")).toHaveCount(3);
  // Opening the inbox claims nothing.
  await expect(ben.page.getByText(/is reviewing/)).toHaveCount(0);

  // Aiko moves to the second application: it is hers.
  const claimed = aiko.page.waitForResponse((r) => r.url().endsWith("/claim") && r.request().method() === "POST");
  await aiko.page.keyboard.press("j");
  expect((await claimed).status()).toBe(200);
  const claimedAt = Date.now();
  const id = (await currentId(aiko.page))!;

  await expect(rowOf(ben.page, id).getByText("Aiko is reviewing")).toBeVisible();
  const seenAfter = Date.now() - claimedAt;
  test.info().annotations.push({ type: "claim seen by the other browser", description: `${seenAfter} ms after it was taken` });
  console.log(`claim seen by the other browser ${seenAfter} ms after it was taken`);
  await expect(aiko.page.getByText(/is reviewing/)).toHaveCount(0);

  // Ben goes to the same one and approves it from the keyboard: he is told who is reviewing it, and it is
  // approved only when he says so again.
  await ben.page.keyboard.press("j");
  expect(await currentId(ben.page)).toBe(id);
  await ben.page.keyboard.press("a");
  const alert = rowOf(ben.page, id).getByRole("alert");
  await expect(alert).toContainText("Aiko is reviewing");
  await expect(ben.page.getByRole("row")).toHaveCount(3);
  await alert.getByRole("button", { name: "Approve anyway" }).click();
  await expect(ben.page.getByRole("row")).toHaveCount(2);
  await expect(aiko.page.getByRole("row")).toHaveCount(2);

  await aiko.context.close();
  await ben.context.close();
  await done();
});

test("s skips: the claim is given up and the next application is current, and claimed", async ({ browser }) => {
  const { group, done } = await groupWithApplicants(3, "Skip");
  const aiko = await moderatorBrowser(browser, "Aiko");
  const api = await signedInApi();
  const claims = async () => {
    const list = await (await api.get(`/api/applications?groupId=${encodeURIComponent(group.id)}`)).json();
    return Object.fromEntries(list.items.map((a: { id: string; claim: { by: string } | null }) => [a.id, a.claim?.by ?? null]));
  };
  await inboxFor(aiko.page, group.id);
  await expect(aiko.page.getByRole("row")).toHaveCount(4);
  await aiko.page.keyboard.press("j");
  const first = (await currentId(aiko.page))!;
  await expect.poll(async () => (await claims())[first]).toBe(aiko.email);

  await aiko.page.keyboard.press("s");
  await expect.poll(() => currentId(aiko.page)).not.toBe(first);
  const next = (await currentId(aiko.page))!;
  await expect.poll(async () => (await claims())[next]).toBe(aiko.email);
  expect((await claims())[first]).toBeNull();

  await api.dispose();
  await aiko.context.close();
  await done();
});
