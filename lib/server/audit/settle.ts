import "server-only";
import type { AuditAction } from "./intents";
import { auditsInFlight } from "./in-flight";
import type { Store } from "@/lib/server/store/store";

/** What the IM server says happened to an intent whose result was never written (the console died in between). */
export type Verdict = "ok" | "not_applied" | "unknown";

/** An audit entry without a result, as a probe reads it. */
export type UnsettledEntry = {
  action: AuditAction;
  actorEmail: string;
  groupId: string | null;
  target: string | null;
  after: Record<string, unknown>;
};

/**
 * How a feature answers for the actions it owns: the groups feature for group and member changes, the
 * applications feature for decisions. The composition root hands the probes to settlement, so the audit log
 * knows no feature; an action no probe owns settles as "unknown".
 */
export type SettleProbe = {
  readonly actions: readonly AuditAction[];
  verdict(entry: UnsettledEntry): Promise<Verdict>;
};

type Unsettled = { id: number; action: string; actor_email: string; group_id: string | null; target: string | null; after: string | null };

function probe(probes: readonly SettleProbe[], row: Unsettled): Promise<Verdict> {
  const owner = probes.find((p) => p.actions.includes(row.action as AuditAction));
  if (!owner) return Promise.resolve("unknown");
  return owner.verdict({
    action: row.action as AuditAction,
    actorEmail: row.actor_email,
    groupId: row.group_id,
    target: row.target,
    after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : {},
  });
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
  probes: readonly SettleProbe[],
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
      verdict = await probe(probes, row);
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
  probes: readonly SettleProbe[],
  { shared, startedAt, imTimeoutMs }: { shared: boolean; startedAt: number; imTimeoutMs: number },
): Promise<number> {
  const now = Date.now();
  const olderThanMs = shared ? SETTLE_SHARED_AFTER_MS : Math.min(now - startedAt, 3 * imTimeoutMs);
  return settleUnfinishedAudit(db, probes, { olderThanMs });
}
