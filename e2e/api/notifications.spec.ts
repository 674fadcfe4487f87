import { expect, test, type APIRequestContext } from "@playwright/test";
import type { ImClient } from "../../im-server/client";
import { signedInApi } from "../support/api";
import { newAppUser } from "../support/app-users";

/**
 * A notification to chosen users reaches the members only, and the answer says, user by user, who got it and
 * who did not and why (docs/contracts.md § Errors, per-item results): the IM server itself drops non-members without a word.
 */
let api: APIRequestContext;
test.beforeAll(async () => {
  api = await signedInApi();
});
test.afterAll(() => api.dispose());

/** What a phone receives as REST custom data (a group system notification), in order. */
function inbox(phone: ImClient): string[] {
  const seen: string[] = [];
  phone.addGroupListener({ onReceiveRESTCustomData: (_groupID, data) => seen.push(data) });
  return seen;
}

test("sending to a member, a non-member and an unknown ID: only the member gets it, and each is answered for", async () => {
  const group = await (await api.post("/api/groups", { data: { type: "Public", name: `Notice board ${Date.now().toString(36)}` } })).json();
  const path = `/api/groups/${encodeURIComponent(group.id)}`;
  const member = await newAppUser("Aiko 愛子");
  const outsider = await newAppUser("Ben");
  const ghost = `ghost_${Date.now().toString(36)}`;
  expect((await api.post(`${path}/members`, { data: { userIds: [member.userId] } })).status()).toBe(200);
  const [memberGot, outsiderGot] = [inbox(member.phone), inbox(outsider.phone)];

  const res = await api.post(`${path}/notifications`, {
    data: { content: "Trail closed", userIds: [member.userId, outsider.userId, ghost] },
  });

  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({
    results: [
      { userId: member.userId, ok: true },
      { userId: outsider.userId, ok: false, error: { code: "not_member", message: expect.any(String) } },
      { userId: ghost, ok: false, error: { code: "unknown_user", message: expect.any(String) } },
    ],
  });
  await expect.poll(() => memberGot).toEqual(["Trail closed"]);

  // The outsider joins, then the whole group is told: their phone's first notification is that one.
  expect((await api.post(`${path}/members`, { data: { userIds: [outsider.userId] } })).status()).toBe(200);
  const everyone = await api.post(`${path}/notifications`, { data: { content: "Welcome all" } });
  expect(await everyone.json()).toEqual({ sent: true });
  await expect.poll(() => outsiderGot).toEqual(["Welcome all"]);
  await expect.poll(() => memberGot).toEqual(["Trail closed", "Welcome all"]);

  const audit = await (await api.get(`/api/audit?action=group.notify&groupId=${encodeURIComponent(group.id)}`)).json();
  expect(audit.items.map((e: { target: string; result: string }) => [e.target, e.result])).toEqual([
    ["all members", "ok"],
    [member.userId, "ok"],
  ]);
  await Promise.all([member.phone.logout(), outsider.phone.logout()]);
});

test("an empty recipient list is refused rather than read as everyone", async () => {
  const group = await (await api.post("/api/groups", { data: { type: "Meeting", name: `Empty list ${Date.now().toString(36)}` } })).json();
  const res = await api.post(`/api/groups/${encodeURIComponent(group.id)}/notifications`, { data: { content: "hi", userIds: [] } });
  expect(res.status()).toBe(422);
  expect((await res.json()).error).toMatchObject({
    code: "validation",
    details: { fields: [expect.objectContaining({ path: "userIds" })] },
  });
});
