import "server-only";
import { ImError } from "@/lib/im/errors";
import type { ImGateway } from "@/lib/im/gateway";
import type { Group } from "@/lib/schemas/group";
import { auditsInFlight } from "./in-flight";
import { applicationSourceFor, type Verdict } from "@/lib/server/applications/source";
import type { Store } from "@/lib/server/store/store";

type Unsettled = { id: number; action: string; actor_email: string; group_id: string | null; target: string | null; after: string | null };

/** What the IM server says happened to an intent whose result was never written (the console died in between). */

async function groupOrNull(im: ImGateway, id: string): Promise<Group | null> {
  try {
    return await im.getGroup(id);
  } catch (err) {
    if (err instanceof ImError && (err.code === 10010 || err.code === 10015)) return null;
    throw err;
  }
}

/** Whether the members are where the change meant to put them; a group that is gone cannot say. */
async function memberVerdict(
  im: ImGateway,
  action: string,
  groupId: string,
  target: string,
  after: Record<string, unknown>,
): Promise<Verdict> {
  const userIds = target.split(",");
  let roles: Map<string, string>;
  try {
    roles = await im.getRoles(groupId, userIds);
  } catch (err) {
    if (err instanceof ImError && (err.code === 10010 || err.code === 10015)) return "unknown";
    throw err;
  }
  const inGroup = userIds.filter((id) => (roles.get(id) ?? "NotMember") !== "NotMember").length;
  if (action === "member.remove") return inGroup === 0 ? "ok" : "not_applied";
  if (action === "member.role") return roles.get(target) === after.role ? "ok" : "not_applied";
  // Some in and some out: those may have been members before, or refused by the app's backend.
  return inGroup === userIds.length ? "ok" : inGroup === 0 ? "not_applied" : "unknown";
}

async function probe(db: Store, im: ImGateway, row: Unsettled): Promise<Verdict> {
  const after = row.after ? (JSON.parse(row.after) as Record<string, unknown>) : {};
  switch (row.action) {
    case "group.create":
      return row.group_id ? ((await groupOrNull(im, row.group_id)) ? "ok" : "not_applied") : "unknown";
    case "group.dismiss":
      return row.group_id ? ((await groupOrNull(im, row.group_id)) ? "not_applied" : "ok") : "unknown";
    case "group.update": {
      const g = row.group_id ? await groupOrNull(im, row.group_id) : null;
      if (!g) return "unknown";
      return Object.entries(after).every(([k, v]) => g[k as keyof Group] === v) ? "ok" : "not_applied";
    }
    case "group.owner": {
      const g = row.group_id ? await groupOrNull(im, row.group_id) : null;
      return g ? (g.ownerId === row.target ? "ok" : "not_applied") : "unknown";
    }
    case "member.add":
    case "member.remove":
    case "member.role":
      return row.group_id && row.target ? memberVerdict(im, row.action, row.group_id, row.target, after) : "unknown";
    case "application.approve":
    case "application.refuse": {
      if (!row.target) return "unknown";
      return (await applicationSourceFor(db, im)).verdict({ action: row.action, target: row.target, actorEmail: row.actor_email });
    }
    default:
      return "unknown";
  }
}

/**
 * Settles audit entries left without a result — by a crash between intent and outcome, or by an IM call that
 * got no answer — by asking the IM server what actually happened. With several console instances, an entry
 * without a result may belong to a request still in flight on another one: only entries older than
 * `olderThanMs` are settled, and never one whose request is still running in this process. Answers how many
 * were settled.
 */
export async function settleUnfinishedAudit(
  db: Store,
  im: ImGateway,
  { olderThanMs = 0, inFlight = auditsInFlight() }: { olderThanMs?: number; inFlight?: ReadonlySet<number> } = {},
): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanMs).toISOString();
  const rows = await db.all<Unsettled>(
    "SELECT id, action, actor_email, group_id, target, after FROM audit WHERE result IS NULL AND at <= ? ORDER BY id",
    [cutoff],
  );
  let settled = 0;
  for (const row of rows) {
    if (inFlight.has(Number(row.id))) continue;
    let verdict: Verdict;
    try {
      verdict = await probe(db, im, row);
    } catch {
      continue; // The IM server is not answering: try again at the next pass.
    }
    settled += await db.run("UPDATE audit SET result = ? WHERE id = ? AND result IS NULL", [`settled:${verdict}`, row.id]);
  }
  return settled;
}

/** No audited request runs this long (IM calls time out, reads retry, a bulk chunk waits its turn). */
export const SETTLE_SHARED_AFTER_MS = 5 * 60 * 1000;

/**
 * One settlement pass of a running console. With SQLite this process is the store's only user: what was
 * written before it started was left by a crash, and what it wrote since is settled once its request has
 * ended without a result and three IM timeouts have passed (a request that timed out may still reach the IM
 * server late). With PostgreSQL another instance may still be running the request: only intents older than
 * any request can take are settled.
 */
export function settleDue(
  db: Store,
  im: ImGateway,
  { shared, startedAt, imTimeoutMs }: { shared: boolean; startedAt: number; imTimeoutMs: number },
): Promise<number> {
  const now = Date.now();
  const olderThanMs = shared ? SETTLE_SHARED_AFTER_MS : Math.min(now - startedAt, 3 * imTimeoutMs);
  return settleUnfinishedAudit(db, im, { olderThanMs });
}
