import "server-only";
import { ImError } from "@/lib/im/errors";
import type { ImGateway } from "@/lib/im/gateway";
import type { Verdict } from "@/lib/server/audit/settle";
import type { Store } from "@/lib/server/store/store";
import { inboxRow, undoDecision } from "./repo";
import { decidedByActor } from "../rule-actor";

/**
 * What became of a decision on the console's inbox whose audit entry has no result (the console died
 * between deciding and hearing back from the IM server). An approval counts only if the requester is in
 * the group; one that never reached the IM server is taken back, so the application can be handled again.
 */
export async function inboxVerdict(
  db: Store,
  im: ImGateway,
  entry: { action: string; target: string; actorEmail: string },
): Promise<Verdict> {
  const row = await inboxRow(db, entry.target);
  if (!row) return "unknown";
  const wanted = entry.action === "application.approve" ? "approved" : "refused";
  if (row.status !== wanted || !decidedByActor(row, entry.actorEmail)) return "not_applied";
  // The refusal is recorded; whether its notice went out cannot be asked of the IM server.
  if (wanted === "refused") return "ok";
  let role: string | undefined;
  try {
    role = (await im.getRoles(row.group_id, [row.requester_id])).get(row.requester_id);
  } catch (err) {
    if (err instanceof ImError && (err.code === 10010 || err.code === 10015)) return "unknown";
    throw err;
  }
  if (role && role !== "NotMember") return "ok";
  await undoDecision(db, entry.target, entry.actorEmail);
  return "not_applied";
}
