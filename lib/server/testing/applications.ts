// Test helpers for the application stories told over both back ends: the IM server's applications extension,
// and the console's own inbox (fed by webhooks, as with Tencent Cloud Chat).
import type { TestServer } from "../../../im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import type { Store } from "@/lib/server/store/store";
import { recordApplication } from "@/lib/server/applications/inbox/repo";
import { listFromModel } from "@/lib/server/applications/model/list";
import { ApiError } from "@/lib/server/platform/api-error";
import { applyToInbox } from "@/lib/server/webhooks/console-inbox";
import { planWebhook } from "@/lib/server/webhooks/plan";
import { runWebhookPlan } from "@/lib/server/webhooks/run";

/** How a test makes `userId` apply to the group, answering the application's ID. */
export type Apply = (c: { im: TestServer; gateway: ImGateway }, groupId: string, userId: string) => Promise<string>;

/** From the user's phone, to the local IM server, which keeps the application. */
export const applyThroughIm: Apply = async ({ im }, groupId, userId) => {
  const phone = await im.client(userId);
  const { applicationID } = await phone.joinGroup(groupId, "hello");
  await phone.logout();
  // What the IM server's AfterApplyJoinGroup webhook makes the console do (no console listens for it in these tests).
  await runWebhookPlan(planWebhook("Group.CallbackAfterApplyJoinGroup", { GroupId: groupId, Requestor_Account: userId })!);
  return String(applicationID);
};

/** As Tencent's BeforeApplyJoinGroup webhook reports it, into the console's inbox. */
export const applyThroughInbox: Apply = async (_c, groupId, userId) => {
  await applyToInbox(groupId, new Date().toISOString(), { kind: "applied", requesterId: userId, message: "hello", restType: "Public" });
  const pending = await listFromModel({ groupId, status: "pending", sort: "newest", limit: 50 });
  return pending.items.find((a) => a.requesterId === userId)!.id;
};

/** The ApiError a call was refused with; fails the test when it was not refused. */
export async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

/** A pending application from `requesterId` to a Public group, written straight into the console's inbox. */
export const pendingInInbox = (db: Store, groupId: string, requesterId: string) =>
  recordApplication(db, {
    groupId,
    groupType: "Public",
    requesterId,
    nickname: "",
    faceUrl: "",
    message: "",
    at: new Date().toISOString(),
  });
