import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api";
import { newAppUser } from "../support/app-users";
import { GroupPage } from "../pages/group-page";

test("a group's recent events name who made the applications handled there, not their numbers", async ({ page }) => {
  const api = await signedInApi();
  const group = await (
    await api.post("/api/groups", { data: { type: "Public", name: `Named ${Date.now().toString(36)}`, joinOption: "NeedPermission" } })
  ).json();
  const { userId, phone } = await newAppUser("Hanako 花子");
  expect((await phone.joinGroup(group.id, "hello")).status).toBe("applied");
  // The console lists it once the IM server's webhook has reached it (docs/applications-model.md).
  let id = "";
  await expect
    .poll(async () => {
      const pending = await (await api.get(`/api/applications?groupId=${encodeURIComponent(group.id)}`)).json();
      return (id = pending.items.find((a: { requesterId: string }) => a.requesterId === userId)?.id ?? "");
    })
    .not.toBe("");
  expect((await api.post(`/api/applications/${id}/approve`, { data: {} })).status()).toBe(200);

  const groupPage = new GroupPage(page);
  await groupPage.goto(group.id);
  const events = groupPage.panel("Recent events");
  await expect(events).toContainText("admin@e2e.test approved the application of Hanako 花子");
  await expect(events.getByText("Hanako 花子")).toHaveAttribute("title", userId);
  await phone.logout();
  await api.dispose();
});
