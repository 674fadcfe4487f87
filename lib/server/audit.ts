import "server-only";
import type { AuditActionName } from "@/lib/schemas/audit";
import type { SessionUser } from "@/lib/schemas/user";
import type { Db } from "./store/db";

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
export function recordIntent(db: Db, e: AuditIntent): number {
  const info = db
    .prepare("INSERT INTO audit (at, actor_id, actor_email, action, group_id, target, before, after, result, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)")
    .run(new Date().toISOString(), Number(e.actor.id) || null, e.actor.email, e.action, e.groupId ?? null, e.target ?? null, json(e.before), json(e.after), e.requestId);
  return Number(info.lastInsertRowid);
}

/** `result` is "ok" or the BFF error code; `changes` fills in what only the outcome knows (a generated group ID). */
export function recordResult(db: Db, id: number, result: string, changes: { groupId?: string; after?: unknown } = {}) {
  db.prepare("UPDATE audit SET result = ?, group_id = COALESCE(?, group_id), after = COALESCE(?, after) WHERE id = ?").run(
    result, changes.groupId ?? null, json(changes.after), id,
  );
}

/** An entry whose outcome is known at once (sign-ins): one transaction, so it is never seen pending. */
export function recordEvent(db: Db, e: AuditIntent & { result: string }) {
  db.transaction(() => recordResult(db, recordIntent(db, e), e.result))();
}
