import "server-only";
import { ImError } from "@/lib/im/errors";
import type { ImGateway } from "@/lib/im/gateway";
import type { Group } from "@/lib/schemas/group";
import { usesConsoleInbox } from "./capabilities";
import { inboxVerdict } from "./inbox/audit-verdict";
import type { Store } from "./store/store";

type Unsettled = { id: number; action: string; actor_email: string; group_id: string | null; target: string | null; after: string | null };

/** What the IM server says happened to an intent whose result was never written (the console died in between). */
export type Verdict = "ok" | "not_applied" | "unknown";

async function groupOrNull(im: ImGateway, id: string): Promise<Group | null> {
  try {
    return await im.getGroup(id);
  } catch (err) {
    if (err instanceof ImError && (err.code === 10010 || err.code === 10015)) return null;
    throw err;
  }
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
    case "application.approve":
    case "application.refuse": {
      if (!row.target) return "unknown";
      if (await usesConsoleInbox(im)) return inboxVerdict(db, im, { action: row.action, target: row.target, actorEmail: row.actor_email });
      const a = await im.getApplication(row.target);
      if (!a) return "unknown";
      const wanted = row.action === "application.approve" ? "approved" : "refused";
      // Handled the other way (or by someone else) means this intent did not take effect.
      return a.status === "pending" ? "not_applied" : a.status === wanted ? "ok" : "not_applied";
    }
    default:
      return "unknown";
  }
}

/**
 * Settles audit entries left without a result by a crash between intent and outcome, by asking the IM
 * server what actually happened. With several console instances, an entry without a result may belong to
 * a request still in flight on another one: only entries older than `olderThanMs` are settled. Answers how
 * many were settled.
 */
export async function settleUnfinishedAudit(db: Store, im: ImGateway, { olderThanMs = 0 }: { olderThanMs?: number } = {}): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanMs).toISOString();
  const rows = await db.all<Unsettled>("SELECT id, action, actor_email, group_id, target, after FROM audit WHERE result IS NULL AND at <= ? ORDER BY id", [cutoff]);
  let settled = 0;
  for (const row of rows) {
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
