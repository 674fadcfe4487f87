import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api";
import { newAppUser } from "../support/app-users";
import { GroupPage } from "../pages/group-page";

const unique = () => Date.now().toString(36);

test("an operator creates a Public group, switches it to FreeAccess, and a user joins at once", async ({ page }) => {
  const api = await signedInApi();
  const created = await (
    await api.post("/api/groups", { data: { type: "Public", name: `Open house ${unique()}`, ownerId: undefined } })
  ).json();
  const groupPage = new GroupPage(page);
  await groupPage.goto(created.id);
  const join = groupPage.panel("Join settings");
  await expect(join.getByRole("radio", { name: /Needs approval/ })).toBeChecked();
  await join.getByRole("radio", { name: /Anyone can join/ }).check();
  await join.getByRole("button", { name: "Save join option" }).click();
  await expect(join.getByRole("status")).toContainText("Saved: Anyone can join");

  const { userId, phone } = await newAppUser("Hanako 花子");
  const result = await phone.joinGroup(created.id, "hello");
  expect(result.status).toBe("joined");
  await page.reload();
  await expect(groupPage.panel(/Members/)).toContainText(userId);
  await phone.logout();
  await api.dispose();
});

test("the join option editor offers only what the type allows, and says why", async ({ page }) => {
  const api = await signedInApi();
  const work = await (await api.post("/api/groups", { data: { type: "Work", name: `Team ${unique()}` } })).json();
  const groupPage = new GroupPage(page);
  await groupPage.goto(work.id);
  const join = groupPage.panel("Join settings");
  await expect(join.getByRole("radio", { name: /Invitation only/ })).toBeChecked();
  await expect(join.getByRole("radio", { name: /Anyone can join/ })).toBeDisabled();
  await expect(join).toContainText("Work groups are invitation only");
  // The API enforces it too: the UI only hides.
  const res = await api.patch(`/api/groups/${encodeURIComponent(work.id)}`, { data: { joinOption: "FreeAccess" } });
  expect(res.status()).toBe(422);
  await api.dispose();
});

test("an AVChatRoom says plainly that members are not listed or added", async ({ page }) => {
  const api = await signedInApi();
  const room = await (await api.post("/api/groups", { data: { type: "AVChatRoom", name: `Live ${unique()}` } })).json();
  const groupPage = new GroupPage(page);
  await groupPage.goto(room.id);
  await expect(groupPage.panel("Members")).toContainText("keep no member list");
  await api.dispose();
});

test("an operator dismisses a group after typing its ID, undoes it within 10 s, then lets it go and is told what happened", async ({
  page,
}) => {
  test.slow(); // the second dismissal waits out its 10 seconds
  const api = await signedInApi();
  const group = await (
    await api.post("/api/groups", { data: { type: "Meeting", name: `Retro ${unique()}`, id: `retro-${unique()}` } })
  ).json();
  const groupPage = new GroupPage(page);
  await groupPage.goto(group.id);
  const dismissOnce = async () => {
    await groupPage.panel("Dismiss group").getByRole("button", { name: "Dismiss this group…" }).click();
    await expect(dialog).toContainText("This will be lost");
    const confirm = dialog.getByRole("button", { name: "Dismiss group" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type the group ID/).fill(group.id);
    await confirm.click();
    await expect(dialog.getByRole("status")).toContainText("unless you undo it");
  };
  const dialog = page.getByRole("dialog");

  // Undo, by keyboard: it has the focus.
  await dismissOnce();
  await expect(dialog.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("status")).toContainText("stays");
  await dialog.getByRole("button", { name: "Close" }).click();
  expect((await api.get(`/api/groups/${encodeURIComponent(group.id)}`)).status()).toBe(200);

  // Let it go: the countdown runs out and the console says what happened.
  await dismissOnce();
  await expect(dialog.getByRole("status")).toContainText("was dismissed", { timeout: 20_000 });
  const after = await api.get(`/api/groups/${encodeURIComponent(group.id)}`);
  expect(after.status()).toBe(404);
  const list = await (await api.get(`/api/groups?q=${encodeURIComponent(group.id)}`)).json();
  expect(list.items).toHaveLength(0);
  await api.dispose();
});

test("IDs with #, /, ? and % work in URLs", async ({ page }) => {
  const api = await signedInApi();
  const id = `odd#/?%id-${unique()}`;
  const created = await api.post("/api/groups", { data: { type: "Meeting", name: "Odd ID", id } });
  expect(created.status()).toBe(201);
  expect((await api.get(`/api/groups/${encodeURIComponent(id)}`)).status()).toBe(200);
  const groupPage = new GroupPage(page);
  await groupPage.goto(id);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Odd ID");
  await api.dispose();
});

test("an unknown group keeps the console around it: a way back, and a search that finds groups", async ({ page }) => {
  const res = await page.goto(`/groups/${encodeURIComponent("no-such-group-anywhere")}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such group" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search groups by ID, name or owner" }).fill("tokyo-react");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/groups\?q=tokyo-react$/);
  await expect(page.getByRole("link", { name: "tokyo-react" }).or(page.getByText("tokyo-react")).first()).toBeVisible();
});
