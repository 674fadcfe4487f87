import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { faceHostSources, parseFaceHosts } from "../../lib/face-hosts";
import { signedInApi } from "../support/api";
import { newAppUser } from "../support/app-users";
import { E2E } from "../support/env";
import { imDirect } from "../support/im-direct";

/**
 * Faces are URLs set in the IM app; loading one tells its host who is looking. The console shows faces only
 * from the hosts FACE_HOSTS names (the test servers get the runner's environment) and initials otherwise.
 */
const allowed = parseFaceHosts(E2E.faceHosts);
const im = () =>
  imDirect(`http://127.0.0.1:${E2E.imPort}`, JSON.parse(readFileSync(path.join(E2E.dataDir, "secrets.json"), "utf8")).IM_SECRET_KEY);
const unique = () => Date.now().toString(36);

/** An app user with this face who applied to a fresh group that needs approval. */
async function applicantWithFace(faceUrl: string) {
  const api = await signedInApi();
  const group = await (
    await api.post("/api/groups", { data: { type: "Public", name: `Faces ${unique()}`, joinOption: "NeedPermission" } })
  ).json();
  const { userId, phone } = await newAppUser("Aiko Tanaka");
  await im().rest("im_open_login_svc/account_import", { UserID: userId, Nick: "Aiko Tanaka", FaceUrl: faceUrl });
  expect((await phone.joinGroup(group.id, "hello")).status).toBe("applied");
  await api.dispose();
  return { groupId: group.id as string, userId, phone };
}

test("the page policy lets images come only from the console itself and the FACE_HOSTS hosts", async ({ page }) => {
  const res = await page.goto("/applications");
  expect(res?.status()).toBe(200);
  const policy = res?.headers()["content-security-policy"] ?? "";
  const imgSrc = policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("img-src "));
  expect(imgSrc).toBe(["img-src 'self' data: blob:", ...faceHostSources(allowed)].join(" "));
});

test("a requester whose face is on a host not listed shows initials, and that host is never asked", async ({ page }, info) => {
  const stranger = "faces.not-listed.invalid";
  expect(allowed).not.toContain(stranger);
  const asked: string[] = [];
  page.on("request", (r) => asked.push(new URL(r.url()).host));
  const { groupId, userId, phone } = await applicantWithFace(`https://${stranger}/aiko.png`);

  await page.goto(`/applications?groupId=${encodeURIComponent(groupId)}`);
  const row = page.getByRole("row").filter({ hasText: userId });
  await expect(row).toContainText("Aiko Tanaka");
  await expect(row.locator("img")).toHaveCount(0);
  await expect(row.getByText("A", { exact: true })).toBeVisible();
  expect(asked).not.toContain(stranger);
  await row.screenshot({ path: info.outputPath("requester-initials.png") });
  await phone.logout();
});

test("a requester whose face is on a FACE_HOSTS host shows the face", async ({ page }) => {
  const host = allowed.find((h) => !h.startsWith("*."));
  test.skip(!host, "skipped: FACE_HOSTS names no host for the test servers");
  const face = `https://${host}/aiko.png`;
  const { groupId, userId, phone } = await applicantWithFace(face);
  await page.goto(`/applications?groupId=${encodeURIComponent(groupId)}`);
  const row = page.getByRole("row").filter({ hasText: userId });
  await expect(row.locator("img")).toHaveAttribute("src", face);
  await phone.logout();
});
