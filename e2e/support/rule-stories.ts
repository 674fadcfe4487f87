import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { RulesPage } from "../pages/rules-page";
import { expectAccessible } from "./accessibility";
import { signedInApi } from "./api";
import type { Place } from "./deciding-stories";

/**
 * The rules story (docs/rules.md), told once for each console: an admin writes a rule in the browser, sees its dry
 * run, saves it (disabled), enables it (on the strict console, through the API: the page is the same), and the next
 * matching application is refused by it as it arrives —
 * through handle_group_application on the main console, in the BeforeApplyJoinGroup answer on the Tencent-strict
 * one — and shows in the queue, live, as refused by that rule; an application it does not match waits for a person.
 */
const run = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const enc = encodeURIComponent;

async function publicGroup(api: APIRequestContext): Promise<{ id: string; name: string }> {
  const res = await api.post("/api/groups", { data: { type: "Public", name: `Rules ${run()}`, joinOption: "NeedPermission" } });
  expect(res.status()).toBe(201);
  return res.json();
}

export async function ruleAtArrivalStory(browser: Browser, place: Place, { strict }: { strict: boolean }) {
  const api = await signedInApi(place.admin.email, place.admin.password, place.baseUrl);
  const context = await browser.newContext({ storageState: await api.storageState(), baseURL: place.baseUrl });
  const page = await context.newPage();
  const group = await publicGroup(api);
  // A word no other story sends, so the enabled rule touches only this story's applications.
  const link = `spam-${run()}.example`;
  const name = `Spam links ${run()}`;
  const reason = "Links to spam sites are not allowed in this group.";
  let ruleId = "";
  try {
    const rules = new RulesPage(page);
    if (strict) ruleId = await ruleThroughTheApi(api, name, link, reason);
    else ruleId = await ruleThroughTheBrowser(rules, name, link, reason);

    await page.goto(`/applications?groupId=${enc(group.id)}&status=all`);
    const spammer = await place.appUser("Spammer スパム");
    const friend = await place.appUser("Friend 友達");
    const applied = Date.now();
    const answer = await spammer.join(group.id, `join me at ${link.toUpperCase()} now`);
    // Tencent's way: the join call itself fails with the rule's reason. Locally the IM server keeps the
    // application and the rule refuses it through the same call a moderator's refusal makes.
    if (strict) expect(answer).toEqual({ error: { code: 10100, info: reason } });
    else expect(answer).toEqual({ status: "applied" });
    await friend.apply(group.id, "hello, may I join?");

    const spam = page.locator("tr[data-application-id]").filter({ hasText: "Spammer スパム" });
    await expect(spam).toContainText(`refused by rule “${name}”`);
    test.info().annotations.push({ type: "refused by the rule, shown in the queue after", description: `${Date.now() - applied} ms` });
    await expect(spam).toContainText(reason);
    await expect(page.locator("tr[data-application-id]").filter({ hasText: "Friend 友達" })).toContainText("pending");

    // Accountable: the audit log lists exactly the rule's decision under its own actor; the rule counted it.
    const audit = await (await api.get(`/api/audit?actor=${enc(`rule:${ruleId}`)}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(["application.refuse"]);
    await rules.goto();
    await expect(rules.rule(name)).toContainText(/matched 1 time/i);
    for (const u of [spammer, friend]) await u.done();
  } finally {
    // The console is shared with other stories: the rule stops acting once this one is told.
    if (ruleId) {
      const { items } = await (await api.get("/api/rules")).json();
      const mine = items.find((r: { id: string }) => r.id === ruleId);
      if (mine) await api.delete(`/api/rules/${ruleId}`);
    }
    await context.close();
    await api.dispose();
  }
}

/** The admin writes the rule in the browser, sees its dry run, saves it (disabled) and enables it. */
async function ruleThroughTheBrowser(rules: RulesPage, name: string, link: string, reason: string): Promise<string> {
  const page = rules.page;
  await rules.goto();
  await rules.openNewRule();
  const editor = rules.editor("New rule");
  await editor.getByLabel("Name").fill(name);
  await editor.getByLabel("The message contains any of these words").check();
  await editor.getByLabel("Words, one per line").fill(link);
  await editor.getByRole("radio", { name: "Refuse", exact: true }).check();
  await editor.getByLabel("Reason (optional)").fill(reason);
  // Tried as it is written: the figures arrive in one polite live region, no longer busy.
  const figures = editor.getByRole("region", { name: "Dry run" }).locator('[aria-live="polite"]');
  await expect(figures).toHaveAttribute("aria-busy", "false");
  await expect(figures.locator("dd").first()).toHaveText(/^\d+$/);
  await expectAccessible(page, "rule editor with its dry run");
  const created = page.waitForResponse((r) => r.url().endsWith("/api/rules") && r.request().method() === "POST");
  await editor.getByRole("button", { name: "Create rule" }).click();
  const ruleId: string = (await (await created).json()).rule.id;
  const rule = rules.rule(name);
  await expect(rule).toContainText("Disabled");
  await rule.getByRole("button", { name: `Enable “${name}”` }).click();
  await expect(rule).toContainText("Enabled");
  return ruleId;
}

/** The same rule written and enabled through the API (the browser part is the main console's story). */
async function ruleThroughTheApi(api: APIRequestContext, name: string, link: string, reason: string): Promise<string> {
  const res = await api.post("/api/rules", {
    data: { name, enabled: true, scope: {}, when: { messageContainsAny: [link] }, then: { action: "refuse", reason } },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).rule.id;
}
