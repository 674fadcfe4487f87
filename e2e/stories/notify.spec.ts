import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api";
import { importAppUser } from "../support/app-users";
import { GroupPage } from "../pages/group-page";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test("an admin notifies a member, a non-member and a mistyped ID: the form says who got it, and who did not and why", async ({
  page,
}, info) => {
  const api = await signedInApi();
  const group = await (await api.post("/api/groups", { data: { type: "Public", name: `Notice board ${unique()}` } })).json();
  const [aiko, ben, typo] = [`aiko_${unique()}`, `ben_${unique()}`, `aikp_${unique()}`];
  await importAppUser(aiko, "Aiko 愛子");
  await importAppUser(ben, "Ben");
  await api.post(`/api/groups/${encodeURIComponent(group.id)}/members`, { data: { userIds: [aiko] } });

  const groupPage = new GroupPage(page);
  await groupPage.goto(group.id);
  const panel = groupPage.panel("Send a notification");
  await panel.getByLabel("Content").fill("Trail closed on Sunday");
  await panel.getByLabel("Only to these user IDs (optional)").fill(`${aiko}, ${ben} ${typo}`);
  await panel.getByRole("button", { name: "Send notification" }).click();

  const result = panel.getByRole("status");
  await expect(result).toContainText("Sent to 1 member; 2 not sent.");
  await expect(result.getByRole("listitem")).toHaveText([
    new RegExp(`${aiko}: sent$`),
    new RegExp(`${ben}: not sent: not a member of this group$`),
    new RegExp(`${typo}: not sent: no user with this ID exists in the IM app$`),
  ]);
  // Those who did not get it stay in the field, with the text, to correct and send again.
  await expect(panel.getByLabel("Only to these user IDs (optional)")).toHaveValue(`${ben}, ${typo}`);
  await expect(panel.getByLabel("Content")).toHaveValue("Trail closed on Sunday");
  await panel.screenshot({ path: info.outputPath("notify-result.png") });
  await api.dispose();
});
