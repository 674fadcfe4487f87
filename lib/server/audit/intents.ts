import "server-only";
import type { AuditActionName } from "@/lib/schemas/audit";
import type { SessionUser } from "@/lib/schemas/user";
import type { Store } from "@/lib/server/store/store";

export type AuditAction = AuditActionName;

export type AuditIntent = {
  actor: Pick<SessionUser, "id" | "email">;
  action: AuditAction;
  groupId?: string;
  target?: string;
  before?: unknown;
  after?: unknown;
  requestId: string;
};

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Written before the IM call, so a crash between the two leaves a trace that start-up can settle. */
export async function recordIntent(db: Store, e: AuditIntent): Promise<number> {
  const row = await db.get<{ id: number }>(
    "INSERT INTO audit (at, actor_id, actor_email, action, group_id, target, before, after, result, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?) RETURNING id",
    [
      new Date().toISOString(),
      Number(e.actor.id) || null,
      e.actor.email,
      e.action,
      e.groupId ?? null,
      e.target ?? null,
      json(e.before),
      json(e.after),
      e.requestId,
    ],
  );
  return row!.id;
}

/** `result` is "ok" or the BFF error code; `changes` fills in what only the outcome knows (a generated group ID). */
export async function recordResult(
  db: Store,
  id: number,
  result: string,
  changes: { groupId?: string; after?: unknown } = {},
): Promise<void> {
  await db.run("UPDATE audit SET result = ?, group_id = COALESCE(?, group_id), after = COALESCE(?, after) WHERE id = ?", [
    result,
    changes.groupId ?? null,
    json(changes.after),
    id,
  ]);
}

/** An entry whose outcome is known at once (sign-ins): one transaction, so it is never seen pending. */
export async function recordEvent(db: Store, e: AuditIntent & { result: string }): Promise<void> {
  await db.transaction(async (tx) => recordResult(tx, await recordIntent(tx, e), e.result));
}
