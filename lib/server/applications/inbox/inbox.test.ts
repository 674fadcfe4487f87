import { describe, expect, it } from "vitest";
import { ADMIN, type TestServer } from "@/im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import type { LiveEvent } from "@/lib/schemas/live-event";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import { handleApplication } from "../service";
import { recordIntent } from "@/lib/server/audit/intents";
import { settleUnfinishedAudit } from "@/lib/server/audit/settle";
import { refreshPendingCounts } from "../pending-counts";
import { applicationSettleProbe } from "../settle-probe";
import { getDirectoryGroup } from "@/lib/server/directory";
import { getBus } from "@/lib/server/live/bus";
import type { TestStore } from "@/lib/server/store/test-stores";
import { strictConsoleForThisFile } from "@/lib/server/testing/strict-console";
import { decide, inboxRow } from "./repo";
import { refusalText } from "./service";
import { listFromModel as listFromInbox } from "../model/list";
import { applyToInbox } from "@/lib/server/webhooks/console-inbox";

// The console's own inbox against a real local IM server behaving exactly like Tencent (no applications
// extension): the applications service reads and writes a real store and calls the real gateway.
let im: TestServer;
let gateway: ImGateway;
let db: TestStore;
const events: LiveEvent[] = [];
getBus().subscribe((e) => events.push(e));

const moderator = (n: number): Actor => ({
  user: { id: String(n), email: `mod${n}@console.test`, name: "", role: "moderator" },
  requestId: `req-${n}`,
  ip: null,
});
const now = () => new Date().toISOString();
let seq = 0;

async function appUser(nick: string) {
  const id = `user_${++seq}`;
  await im.rest("im_open_login_svc/account_import", { UserID: id, Nick: nick });
  return id;
}

/** A Public group needing approval (owned by an app user), and someone who applied to it, as the webhook tells it. */
async function applied(opts: { max?: number } = {}) {
  const owner = await appUser("Owner");
  const groupId = await gateway.createGroup({
    type: "Public",
    name: `Book club ${++seq}`,
    ownerId: owner,
    joinOption: "NeedPermission",
    ...(opts.max ? { maxMemberCount: opts.max } : {}),
  });
  const requester = await appUser("Aiko 愛子");
  await applyToInbox(groupId, now(), { kind: "applied", requesterId: requester, message: "よろしく", restType: "Public" });
  const page = await listFromInbox({ groupId, status: "pending", sort: "newest", limit: 50 });
  return { owner, groupId, requester, application: page.items[0] };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as ApiError,
  );

strictConsoleForThisFile((c) => void ({ im, db, gateway } = c));

describe("applications without the IM server's extension", () => {
  it("an application to a group needing approval is recorded, with the requester's nickname, and counted in the directory", async () => {
    const { groupId, requester, application } = await applied();
    expect(application).toMatchObject({
      groupId,
      requesterId: requester,
      requesterNickname: "Aiko 愛子",
      message: "よろしく",
      status: "pending",
    });
    expect(application.groupName).toMatch(/^Book club/);
    expect((await getDirectoryGroup(db, groupId))?.pendingApplications).toBe(1);
    expect(events.at(-1)).toMatchObject({ type: "application.created", groupId, applicationId: application.id, userId: requester });

    // Applying again updates the same application.
    await applyToInbox(groupId, now(), { kind: "applied", requesterId: requester, message: "again", restType: "Public" });
    const page = await listFromInbox({ groupId, status: "pending", sort: "newest", limit: 50 });
    expect(page.items.map((a) => [a.id, a.message])).toEqual([[application.id, "again"]]);
  });

  it("a join to a group that lets everyone in, or to another type, is not an application", async () => {
    const open = await gateway.createGroup({ type: "Public", name: "open", joinOption: "FreeAccess" });
    const room = await gateway.createGroup({ type: "Meeting", name: "room" });
    const u = await appUser("U");
    await applyToInbox(open, now(), { kind: "applied", requesterId: u, message: "", restType: "Public" });
    await applyToInbox(room, now(), { kind: "applied", requesterId: u, message: "", restType: "ChatRoom" });
    expect((await listFromInbox({ status: "pending", sort: "newest", limit: 100 })).items.filter((a) => a.requesterId === u)).toEqual([]);
  });

  it("approving adds the requester to the group and records who approved", async () => {
    const { groupId, requester, application } = await applied();
    const approved = await handleApplication({ id: application.id, approve: true }, moderator(1));
    expect(approved).toMatchObject({
      id: application.id,
      status: "approved",
      handledBy: "mod1@console.test",
      requesterNickname: "Aiko 愛子",
    });
    expect((await gateway.getRoles(groupId, [requester])).get(requester)).toBe("Member");
    expect(events.at(-1)).toMatchObject({ type: "application.handled", groupId, applicationId: application.id, userId: requester });
    expect((await getDirectoryGroup(db, groupId))?.pendingApplications).toBe(0);
    const audit = await db.all("SELECT action, group_id, target, result FROM audit WHERE target = ? ORDER BY id", [application.id]);
    expect(audit).toEqual([{ action: "application.approve", group_id: groupId, target: application.id, result: "ok" }]);
  });

  it("approving into a full group is a 409 and the application stays pending", async () => {
    const { application } = await applied({ max: 1 });
    const err = await failure(handleApplication({ id: application.id, approve: true }, moderator(1)));
    expect(err).toMatchObject({ code: "conflict", details: { imCode: 10014 } });
    expect(
      (await listFromInbox({ groupId: application.groupId, status: "pending", sort: "newest", limit: 5 })).items.map((a) => a.id),
    ).toEqual([application.id]);
  });

  it("refusing records the reason and tells the requester in a one-to-one message naming the group", async () => {
    const { requester, application } = await applied();
    const phone = await im.client(requester);
    const notice = new Promise<Record<string, unknown>>((resolve) =>
      phone.addGroupListener({ onEvent: (name, p) => name === "onRecvNewMessage" && resolve(p) }),
    );
    const refused = await handleApplication({ id: application.id, approve: false, reason: "The club is full this season" }, moderator(2));
    expect(refused).toMatchObject({ status: "refused", reason: "The club is full this season", handledBy: "mod2@console.test" });
    expect(await notice).toMatchObject({ sender: ADMIN, text: refusalText(application.groupName, "The club is full this season") });
    await phone.logout();
  });

  it("two moderators at once: exactly one wins, the other gets 409 naming the winner", async () => {
    const { application } = await applied();
    const outcomes = await Promise.allSettled([
      handleApplication({ id: application.id, approve: true }, moderator(3)),
      handleApplication({ id: application.id, approve: false, reason: "no" }, moderator(4)),
    ]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ handledBy?: string; status: string }>).value;
    expect(lost[0].reason).toMatchObject({
      code: "conflict",
      details: { handledBy: winner.handledBy, status: winner.status, reason: { key: "alreadyHandled" } },
    });
  });

  it("an owner who approves in the app: the inbox learns it from AfterNewMemberJoin and names the owner", async () => {
    const { owner, groupId, requester, application } = await applied();
    await gateway.addMembers(groupId, [requester]); // what the owner's approval does on the IM server
    await applyToInbox(groupId, now(), { kind: "joined", userIds: [requester], operator: owner });
    const page = await listFromInbox({ groupId, status: "approved", sort: "newest", limit: 5 });
    expect(page.items).toEqual([expect.objectContaining({ id: application.id, handledBy: owner })]);
    // A webhook naming someone who is not a member changes nothing.
    const other = await applied();
    await applyToInbox(other.groupId, now(), { kind: "joined", userIds: [other.requester], operator: owner });
    expect((await listFromInbox({ groupId: other.groupId, status: "pending", sort: "newest", limit: 5 })).total).toBe(1);
  });

  it("a dismissed group's applications close: no longer listed, counted or handled", async () => {
    const { groupId, application } = await applied();
    await gateway.destroyGroup(groupId);
    const err = await failure(handleApplication({ id: application.id, approve: true }, moderator(1)));
    expect(err).toMatchObject({ code: "not_found" });
    expect((await listFromInbox({ groupId, status: "pending", sort: "newest", limit: 5 })).total).toBe(0);
    expect(await getDirectoryGroup(db, groupId)).toBeNull();
    await refreshPendingCounts(db, gateway);
    expect(await failure(handleApplication({ id: "424242", approve: true }, moderator(1)))).toMatchObject({
      code: "not_found",
      details: { reason: { key: "applicationGone" } },
    });
  });

  it("a console that died between deciding and adding: at start-up the IM server says which approvals happened", async () => {
    const crashed = async (addedBeforeCrash: boolean) => {
      const { groupId, requester, application } = await applied();
      const { user: actor, requestId } = moderator(5);
      const auditId = await recordIntent(db, { actor, action: "application.approve", groupId, target: application.id, requestId });
      await decide(db, application.id, { status: "approved", by: actor.email, at: now() });
      if (addedBeforeCrash) await gateway.addMembers(groupId, [requester]);
      return { auditId, id: application.id };
    };
    const [done, lost] = [await crashed(true), await crashed(false)];
    await settleUnfinishedAudit(db, [applicationSettleProbe(db, gateway)]);
    const result = async (id: number) => (await db.get<{ result: string }>("SELECT result FROM audit WHERE id = ?", [id]))?.result;
    expect(await result(done.auditId)).toBe("settled:ok");
    expect((await inboxRow(db, done.id))?.status).toBe("approved");
    expect(await result(lost.auditId)).toBe("settled:not_applied");
    expect(await inboxRow(db, lost.id)).toMatchObject({ status: "pending", handled_by: null });
  });

  it("pages newest first with an opaque cursor bound to its filters", async () => {
    const { groupId } = await applied();
    for (let i = 0; i < 3; i++)
      await applyToInbox(groupId, now(), { kind: "applied", requesterId: await appUser(`P${i}`), message: `p${i}`, restType: "Public" });
    const first = await listFromInbox({ groupId, status: "pending", sort: "newest", limit: 3 });
    expect(first.total).toBe(4);
    expect(first.items.map((a) => a.message)).toEqual(["p2", "p1", "p0"]);
    const rest = await listFromInbox({ groupId, status: "pending", sort: "newest", limit: 3, cursor: first.nextCursor! });
    expect(rest).toMatchObject({ items: [expect.objectContaining({ message: "よろしく" })], nextCursor: null });
    expect(await failure(listFromInbox({ status: "pending", sort: "newest", limit: 3, cursor: first.nextCursor! }))).toMatchObject({
      code: "bad_request",
    });
  });
});
