import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { signedInApi } from "../support/api";
import { newAppUser } from "../support/app-users";

/**
 * Several moderators act on the same application in the same instant (eight open inboxes, one click each).
 * The IM server settles an application once; the console tells every loser who won.
 */
const MODERATORS = 8;
const PASSWORD = "race-moderator-password";
const run = Date.now().toString(36);

let admin: APIRequestContext;
const moderators: { email: string; api: APIRequestContext }[] = [];

test.beforeAll(async () => {
  admin = await signedInApi();
  for (let i = 0; i < MODERATORS; i++) {
    const email = `racer-${i}-${run}@e2e.test`;
    const res = await admin.post("/api/users", { data: { email, password: PASSWORD, role: "moderator" } });
    expect(res.status(), await res.text()).toBe(201);
    moderators.push({ email, api: await signedInApi(email, PASSWORD) });
  }
});
test.afterAll(async () => {
  for (const m of moderators) await m.api.dispose();
  await admin.dispose();
});

async function pendingApplication(): Promise<{ groupId: string; applicationId: string; requesterId: string }> {
  const group = await admin.post("/api/groups", { data: { type: "Public", name: `Race ${run}`, joinOption: "NeedPermission" } });
  expect(group.status()).toBe(201);
  const groupId: string = (await group.json()).id;
  const { userId, phone } = await newAppUser("Racing applicant");
  const applied = await phone.joinGroup(groupId, "me, once");
  await phone.logout();
  return { groupId, applicationId: applied.applicationID!, requesterId: userId };
}

async function decisionsAtOnce(applicationId: string, actions: ("approve" | "refuse")[]) {
  const answers: APIResponse[] = await Promise.all(
    moderators.map((m, i) => m.api.post(`/api/applications/${applicationId}/${actions[i]}`, { data: {} })),
  );
  return Promise.all(
    answers.map(async (res, i) => ({ email: moderators[i].email, action: actions[i], status: res.status(), body: await res.json() })),
  );
}

async function auditFor(applicationId: string, action: string) {
  const page = await (await admin.get(`/api/audit?action=${action}&limit=100`)).json();
  return (page.items as { target: string; result: string; actor: { email: string } }[]).filter((e) => e.target === applicationId);
}

test(`${MODERATORS} moderators approve one application at once: exactly one wins, the others get 409 naming the winner`, async () => {
  const { groupId, applicationId, requesterId } = await pendingApplication();
  const outcomes = await decisionsAtOnce(applicationId, Array(MODERATORS).fill("approve"));

  const winners = outcomes.filter((o) => o.status === 200);
  expect(winners, JSON.stringify(outcomes.map((o) => o.status))).toHaveLength(1);
  const [winner] = winners;
  expect(winner.body).toMatchObject({ id: applicationId, status: "approved", handledBy: winner.email });
  for (const loser of outcomes.filter((o) => o !== winner)) {
    expect(loser.status).toBe(409);
    expect(loser.body.error).toMatchObject({ code: "conflict", details: { handledBy: winner.email, status: "approved", imCode: 10024 } });
    expect(loser.body.error.message).toContain(winner.email);
  }

  // The requester is in the group once, and the audit log has one success and the refused attempts.
  const members = await (await admin.get(`/api/groups/${encodeURIComponent(groupId)}/members?limit=100`)).json();
  expect(members.items.filter((m: { userId: string }) => m.userId === requesterId)).toHaveLength(1);
  const entries = await auditFor(applicationId, "application.approve");
  expect(entries.filter((e) => e.result === "ok").map((e) => e.actor.email)).toEqual([winner.email]);
  expect(entries.filter((e) => e.result === "conflict")).toHaveLength(MODERATORS - 1);
});

test("approvals and refusals racing each other: one decision stands, and every other moderator is told which", async () => {
  const { applicationId } = await pendingApplication();
  const actions = moderators.map((_, i) => (i % 2 === 0 ? "approve" : "refuse") as "approve" | "refuse");
  const outcomes = await decisionsAtOnce(applicationId, actions);

  const winners = outcomes.filter((o) => o.status === 200);
  expect(winners).toHaveLength(1);
  const decided = winners[0].action === "approve" ? "approved" : "refused";
  for (const loser of outcomes.filter((o) => o !== winners[0])) {
    expect(loser.status).toBe(409);
    expect(loser.body.error.details).toMatchObject({ handledBy: winners[0].email, status: decided });
  }
  const list = await (await admin.get(`/api/applications?status=${decided}&limit=100`)).json();
  expect(list.items.find((a: { id: string }) => a.id === applicationId)).toMatchObject({ status: decided, handledBy: winners[0].email });
});
