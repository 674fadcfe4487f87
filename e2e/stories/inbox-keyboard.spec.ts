import { expect, test } from "@playwright/test";
import { currentRow, groupWithApplicants, inboxFor, keepApplying } from "../support/applicants";

const path = (id: string) => encodeURIComponent(id);

test("a keeps to the application the moderator moved to while new ones keep arriving, then the next one is current", async ({ page }) => {
  const { api, group, applicants, done } = await groupWithApplicants(3, "Arrivals");
  const [oldest, middle] = applicants;
  await inboxFor(page, group.id);
  await expect(page.getByRole("row")).toHaveCount(4);
  const arrivals = keepApplying(group.id);
  try {
    // Newest first: the newest applicant, then the middle one. j moves to the middle one.
    await page.keyboard.press("j");
    await expect(currentRow(page)).toContainText(middle.userId);
    // Rows shift down as applications arrive above; the keyboard's place does not move with them.
    // (At least two arrivals: one refetch may bring two of them, so the count can step over any given number.)
    await expect.poll(() => page.getByRole("row").count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
    await expect(currentRow(page)).toContainText(middle.userId);
    await expect(currentRow(page)).toBeFocused();
    await page.keyboard.press("a");
    await expect(page.getByRole("status").filter({ hasText: `Approved Applicant 1` })).toBeVisible();
    // The one after it is current now, and has the focus.
    await expect(currentRow(page)).toContainText(oldest.userId);
    await expect(currentRow(page)).toBeFocused();
  } finally {
    await arrivals.stop();
  }
  const approved = await (await api.get(`/api/applications?groupId=${path(group.id)}&status=approved`)).json();
  expect(approved.items.map((a: { requesterId: string }) => a.requesterId)).toEqual([middle.userId]);
  await done();
});

test("each refusal starts empty, names whose application it is, and Ctrl+Enter sends it", async ({ page }) => {
  const { api, group, applicants, done } = await groupWithApplicants(2, "Fresh reasons");
  await inboxFor(page, group.id);
  await expect(page.getByRole("row")).toHaveCount(3);

  // From the keyboard: the newest applicant, named with the group.
  await page.keyboard.press("r");
  let dialog = page.getByRole("dialog", { name: `Refuse the application from Applicant 1 申请者 to ${group.name}?` });
  await expect(dialog.getByLabel("Reason (optional)")).toHaveValue("");
  await dialog.getByLabel("Reason (optional)").fill("Not this time");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status").filter({ hasText: "Refused Applicant 1" })).toBeVisible();

  // From the row's button: empty again, not "Not this time".
  await page.getByRole("button", { name: "Refuse Applicant 0 申请者" }).click();
  dialog = page.getByRole("dialog", { name: `Refuse the application from Applicant 0 申请者 to ${group.name}?` });
  await expect(dialog.getByLabel("Reason (optional)")).toHaveValue("");
  await dialog.getByLabel("Reason (optional)").fill("Please introduce yourself");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status").filter({ hasText: "Refused Applicant 0" })).toBeVisible();

  const refused = await (await api.get(`/api/applications?groupId=${path(group.id)}&status=refused`)).json();
  const reasons = Object.fromEntries(refused.items.map((a: { requesterId: string; reason?: string }) => [a.requesterId, a.reason]));
  expect(reasons).toEqual({ [applicants[1].userId]: "Not this time", [applicants[0].userId]: "Please introduce yourself" });
  await done();
});

test("five applications refused with a typed reason in 8 keystrokes, and ? lists every key", async ({ page }) => {
  const { api, group, done } = await groupWithApplicants(6, "Bulk keys");
  await inboxFor(page, group.id);
  await expect(page.getByRole("row")).toHaveCount(7);

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  for (const key of ["j / k", "Shift + x", "*", "Shift + a", "Shift + r", "Esc", "Enter", "Ctrl / ⌘ + Enter"])
    await expect(help.getByText(key, { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  let keystrokes = 0;
  const press = async (key: string) => {
    keystrokes++;
    await page.keyboard.press(key);
  };
  // x on the first, four steps down, Shift+x selects the range between.
  await press("x");
  for (let i = 0; i < 4; i++) await press("j");
  await press("Shift+X");
  await expect(page.getByText("5 selected")).toBeVisible();
  await press("Shift+R");
  const dialog = page.getByRole("dialog", { name: "Refuse 5 applications in 1 group?" });
  await expect(dialog.getByLabel("Reason (optional)")).toBeFocused();
  await page.keyboard.type("Closed this week"); // the typed reason: text, not keystrokes of the console's
  await press("Control+Enter");
  await expect(page.getByRole("status").filter({ hasText: "Done: 5 refused" })).toBeVisible();
  expect(keystrokes).toBe(8);

  const refused = await (await api.get(`/api/applications?groupId=${path(group.id)}&status=refused`)).json();
  expect(refused.items.map((a: { reason?: string }) => a.reason)).toEqual(Array(5).fill("Closed this week"));
  // The oldest one was not in the range, and * then Esc leaves it alone.
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.keyboard.press("*");
  await expect(page.getByText("1 selected")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByText("1 selected")).toBeHidden();
  await done();
});
