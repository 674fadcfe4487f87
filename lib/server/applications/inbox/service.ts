import "server-only";
import { ImError } from "@/lib/im/errors";
import type { ImGateway } from "@/lib/im/gateway";
import type { Application, ListApplicationsQuery } from "@/lib/schemas/application";
import type { Page } from "@/lib/schemas/page";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { getDirectoryGroup } from "@/lib/server/directory";
import { forgetGroup } from "../group-gone";
import { log } from "@/lib/server/platform/log";
import type { Store } from "@/lib/server/store/store";
import { decide, listInbox, undoDecision, type InboxRow } from "./repo";

type Profile = { nickname: string; faceUrl: string };

// A keyset cursor bound to the filters and the sort it was made for: one made for newest would page an oldest
// list backwards (a cursor from before sorts existed carries none, and was made for newest).
function encodeCursor(row: InboxRow, q: ListApplicationsQuery) {
  return Buffer.from(JSON.stringify({ c: row.created_at, i: row.id, g: q.groupId ?? "", s: q.status, o: q.sort })).toString("base64url");
}
function decodeCursor(raw: string, q: ListApplicationsQuery): { createdAt: string; id: number } {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    const bound = c.g === (q.groupId ?? "") && c.s === q.status && (c.o ?? "newest") === q.sort;
    if (typeof c.c === "string" && Number.isSafeInteger(c.i) && c.i > 0 && bound) return { createdAt: c.c, id: c.i };
  } catch {
    /* fall through */
  }
  throw ApiError.because("bad_request", "badCursor", "That page cursor is not valid for this list; start from the first page");
}

/** A listed or just-decided row in the console's shape (closed rows, of dismissed groups, are never shown). */
function toApplication(row: InboxRow & { status: Application["status"] }, groupName: string, profile?: Profile): Application {
  return {
    id: String(row.id),
    groupId: row.group_id,
    groupName,
    requesterId: row.requester_id,
    requesterNickname: profile?.nickname ?? "",
    requesterFaceUrl: profile?.faceUrl ?? "",
    message: row.message,
    status: row.status,
    createdAt: row.created_at,
    ...(row.handled_by ? { handledBy: row.handled_by } : {}),
    ...(row.handled_at ? { handledAt: row.handled_at } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
  };
}

/** Nicknames and faces are the IM server's; without them the list still stands. */
async function profilesOf(im: ImGateway, userIds: string[]): Promise<Map<string, Profile>> {
  if (userIds.length === 0) return new Map();
  try {
    return await im.getProfiles([...new Set(userIds)]);
  } catch (err) {
    log("warn", "requester profiles not read", { error: err });
    return new Map();
  }
}

const groupName = async (db: Store, groupId: string) => (await getDirectoryGroup(db, groupId))?.name ?? "";

export async function listFromInbox(query: ListApplicationsQuery): Promise<Page<Application>> {
  const { db, im } = getContext();
  const after = query.cursor ? decodeCursor(query.cursor, query) : undefined;
  const page = await listInbox(db, { groupId: query.groupId, status: query.status, sort: query.sort, limit: query.limit, after });
  const profiles = await profilesOf(
    im,
    page.rows.map((r) => r.requester_id),
  );
  const names = new Map<string, string>();
  for (const r of page.rows) if (!names.has(r.group_id)) names.set(r.group_id, await groupName(db, r.group_id));
  const items = page.rows.map((r) =>
    toApplication({ ...r, status: query.status }, names.get(r.group_id) ?? "", profiles.get(r.requester_id)),
  );
  const last = page.rows[page.rows.length - 1];
  return { items, nextCursor: page.more && last ? encodeCursor(last, query) : null, total: page.total };
}

/** One requester's applications to every group: counts per outcome and the newest `limit` (closed ones left out). */
export async function requesterHistory(requesterId: string, limit: number) {
  const { db, im } = getContext();
  const counts = await db.all<{ status: string; n: number }>(
    "SELECT status, COUNT(*) AS n FROM inbox_applications WHERE requester_id = ? AND status <> 'closed' GROUP BY status",
    [requesterId],
  );
  const rows = await db.all<InboxRow>(
    "SELECT * FROM inbox_applications WHERE requester_id = ? AND status <> 'closed' ORDER BY created_at DESC, id DESC LIMIT ?",
    [requesterId, limit],
  );
  const profile = (await profilesOf(im, [requesterId])).get(requesterId);
  const recent: Application[] = [];
  for (const r of rows)
    recent.push(toApplication(r as InboxRow & { status: Application["status"] }, await groupName(db, r.group_id), profile));
  const n = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  return { pending: n("pending"), approved: n("approved"), refused: n("refused"), recent };
}

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
  const profiles = await profilesOf(im, [row.requester_id]);
  return toApplication({ ...row, status }, await groupName(db, row.group_id), profiles.get(row.requester_id));
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
