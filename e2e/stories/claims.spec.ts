import { expect, test, type Browser, type Page } from "@playwright/test";
import { signedInApi } from "../support/api";
import { groupWithApplicants, inboxFor } from "../support/applicants";

// Skipping (docs/contracts.md § Claims). Two moderators seeing each other's claims is told in deciding.spec.ts.

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
