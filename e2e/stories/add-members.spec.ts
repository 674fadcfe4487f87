import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api";
import { importAppUser } from "../support/app-users";
import { GroupPage } from "../pages/group-page";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test("an admin adds two app users and a mistyped ID: the two join, and the form says which one was not added and why", async ({
  page,
}, info) => {
  const api = await signedInApi();
  const group = await (await api.post("/api/groups", { data: { type: "Public", name: `Hikers ${unique()}` } })).json();
  const [aiko, ben, typo] = [`aiko_${unique()}`, `ben_${unique()}`, `bne_${unique()}`];
  await importAppUser(aiko, "Aiko 愛子");
  await importAppUser(ben, "Ben");

  const groupPage = new GroupPage(page);
  await groupPage.goto(group.id);
  const members = groupPage.panel(/Members/);
  await members.getByLabel("Add members by user ID").fill(`${aiko}, ${typo} ${ben}`);
  await members.getByRole("button", { name: "Add", exact: true }).click();

  const result = members.getByRole("status");
  await expect(result).toContainText("2 done, 1 not added");
  await expect(result.getByRole("listitem")).toHaveText([
    new RegExp(`${aiko}: added$`),
    new RegExp(`${typo}: not added: no user with this ID exists in the IM app$`),
    new RegExp(`${ben}: added$`),
  ]);
  // The ID that did not make it stays in the field, to correct and send again.
  await expect(members.getByLabel("Add members by user ID")).toHaveValue(typo);
  await expect(members.getByRole("table")).toContainText(aiko);
  await expect(members.getByRole("table")).toContainText(ben);
  await members.screenshot({ path: info.outputPath("add-members-result.png") });

  const listed = await (await api.get(`/api/groups/${encodeURIComponent(group.id)}/members`)).json();
  expect(listed.items.map((m: { userId: string }) => m.userId).sort()).toEqual([aiko, ben].sort());
  const audit = await (await api.get(`/api/audit?action=member.add&groupId=${encodeURIComponent(group.id)}`)).json();
  expect(audit.items).toEqual([expect.objectContaining({ target: `${aiko},${ben}`, result: "ok" })]);
  await api.dispose();
});
