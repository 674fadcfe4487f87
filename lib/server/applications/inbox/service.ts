import "server-only";
import { ImError } from "@/lib/im/errors";
import type { ImGateway } from "@/lib/im/gateway";
import type { Application } from "@/lib/schemas/application";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { getDirectoryGroup } from "@/lib/server/directory";
import { forgetGroup } from "../group-gone";
import { log } from "@/lib/server/platform/log";
import type { Store } from "@/lib/server/store/store";
import { toApplications } from "../model/list";
import { decide, undoDecision, type InboxRow } from "./repo";

const groupName = async (db: Store, groupId: string) => (await getDirectoryGroup(db, groupId))?.name ?? "";

function alreadyHandled(row: InboxRow): ApiError {
  const by = row.handled_by ?? undefined;
  const status = row.status === "approved" || row.status === "refused" ? row.status : undefined;
  const message = `This application was already ${status ?? "handled"}${by ? ` by ${by}` : ""}`;
  return ApiError.because(
    "conflict",
    "alreadyHandled",
    message,
    { status: status ?? "other", by: by ?? "none" },
    { handledBy: by, handledAt: row.handled_at ?? undefined, status },
  );
}

const gone = () => ApiError.because("not_found", "applicationGone", "This application does not exist, or its group has been dismissed");

/**
 * Approves or refuses one application of the console's inbox (the caller audits it). The decision is taken
 * first, in one conditional UPDATE (so of two moderators exactly one goes on to the IM server), then carried
 * out: approving adds the requester to the group; refusing tells them in a one-to-one message from the App
 * admin. A failed IM call takes the decision back, so the application can be handled again.
 */
export async function decideInInbox(id: string, approve: boolean, reason: string | undefined, by: string): Promise<Application> {
  const { db, im } = getContext();
  const status = approve ? "approved" : "refused";
  const { won, row } = await decide(db, id, { status, by, at: new Date().toISOString(), reason });
  if (!row || row.status === "closed") throw gone();
  if (!won) throw alreadyHandled(row);
  await (approve ? admit(db, im, row, by) : tellRefused(db, im, row, by, reason));
  const [application] = await toApplications(db, [{ ...row, status, handled_via: "console" }]);
  return application;
}

async function admit(db: Store, im: ImGateway, row: InboxRow, by: string): Promise<void> {
  let outcome;
  try {
    [outcome] = await im.addMembers(row.group_id, [row.requester_id]);
  } catch (err) {
    if (err instanceof ImError && (err.code === 10010 || err.code === 10015)) {
      await forgetGroup(db, row.group_id);
    } else if (err instanceof ImError && err.outcomeUnknown) {
      // The add may have happened: the decision stands until settlement asks the IM server whether the
      // requester is in the group, and takes it back if not.
    } else {
      // Full (10014), busy, unreachable…: nothing changed, the application stays pending.
      await undoDecision(db, String(row.id), by);
    }
    throw err;
  }
  // 1 added, 2 already a member, 3 invited (waiting for the user): in either case approved.
  if (!outcome || outcome.result === "failed") {
    await undoDecision(db, String(row.id), by);
    throw ApiError.because("validation", "appRefusedMember", "The app's backend refused to add this user to the group");
  }
}

export function refusalText(groupName: string, reason: string | undefined): string {
  return `Your request to join “${groupName}” was declined.${reason ? ` Reason: ${reason}` : ""}`;
}

async function tellRefused(db: Store, im: ImGateway, row: InboxRow, by: string, reason: string | undefined): Promise<void> {
  try {
    await im.sendText(row.requester_id, refusalText((await groupName(db, row.group_id)) || row.group_id, reason));
  } catch (err) {
    // Worth retrying (busy, unreachable, our credentials): take the refusal back so the requester is told.
    if (!(err instanceof ImError) || err.unavailable || err.rateLimited || err.badSignature) {
      await undoDecision(db, String(row.id), by);
      throw err;
    }
    // Nobody to tell (the account is gone): the refusal stands.
    log("warn", "refusal notice not delivered", { applicationId: row.id, imCode: err.code });
  }
}
