import "server-only";
import { ImError } from "@/lib/im/errors";
import { recordIntent, recordResult } from "@/lib/server/audit/intents";
import { publishEvent } from "@/lib/server/live/bus";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { log } from "@/lib/server/platform/log";
import type { Store } from "@/lib/server/store/store";
import { findUserById } from "@/lib/server/users/repo";
import { dismissGroup, getGroupDetail } from "./admin";

// Dismissal with undo (docs/dismissal.md, docs/contracts.md § Dismissal with undo): an admin's dismissal is kept in
// the store a few seconds ahead, cancellable until then; when due, one instance claims it (a lease: a crash
// mid-way is claimed again once the lease lapses) and carries it out through the same path as an immediate one.

export const DISMISSAL_DELAY = { default: 10, max: 60 } as const;
/** Long enough for one IM call and its retries; a claim older than this belonged to an instance that died. */
const LEASE_MS = 30_000;
/** A busy or unreachable IM server: the dismissal is tried again this much later, never dropped. */
const RETRY_MS = 5_000;

type Row = {
  group_id: string;
  scheduled_for: number | string;
  reason: string | null;
  actor_id: string;
  actor_email: string;
  actor_name: string;
  request_id: string;
  state: "scheduled" | "running" | "done" | "cancelled" | "failed";
};

/** Audited in one step: scheduling and cancelling change only the console's store. */
async function audit(db: Store, entry: Parameters<typeof recordIntent>[1]): Promise<void> {
  await recordResult(db, await recordIntent(db, entry), "ok");
}

/** POST /api/groups/{id}/dismissal: the group is dismissed `delaySeconds` from now unless cancelled first. */
export async function scheduleDismissal(
  { id, delaySeconds = DISMISSAL_DELAY.default, reason }: { id: string; delaySeconds?: number; reason?: string },
  { user, requestId }: Actor,
): Promise<{ scheduledFor: string }> {
  const { db } = getContext();
  await getGroupDetail(id); // 404 for a group the IM server does not have
  const scheduledFor = Date.now() + delaySeconds * 1000;
  await db.transaction(
    async (tx) => {
      const current = await tx.get<Row>("SELECT * FROM scheduled_dismissals WHERE group_id = ?", [id]);
      if (current && (current.state === "scheduled" || current.state === "running"))
        throw ApiError.because("conflict", "dismissalScheduled", "This group's dismissal is already scheduled", undefined, {
          scheduledFor: new Date(Number(current.scheduled_for)).toISOString(),
        });
      await tx.run("DELETE FROM scheduled_dismissals WHERE group_id = ?", [id]);
      await tx.run(
        `INSERT INTO scheduled_dismissals (group_id, scheduled_for, reason, actor_id, actor_email, actor_name, request_id, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled')`,
        [id, scheduledFor, reason ?? null, user.id, user.email, user.name, requestId],
      );
      await audit(tx, {
        actor: user,
        action: "group.dismiss_schedule",
        groupId: id,
        target: id,
        after: { scheduledFor: new Date(scheduledFor).toISOString(), ...(reason ? { reason } : {}) },
        requestId,
      });
    },
    { serializeOn: `dismissal:${id}` },
  );
  publishEvent({ type: "group.updated", groupId: id });
  if (delaySeconds === 0) void runDueDismissals(db, "scheduler");
  return { scheduledFor: new Date(scheduledFor).toISOString() };
}

/** DELETE /api/groups/{id}/dismissal: cancels it while it is still ahead; once due (or done) it is too late. */
export async function cancelDismissal({ id }: { id: string }, { user, requestId }: Actor): Promise<{ cancelled: true }> {
  const { db } = getContext();
  const now = Date.now();
  const cancelled = await db.run(
    "UPDATE scheduled_dismissals SET state = 'cancelled', finished_at = ? WHERE group_id = ? AND state = 'scheduled' AND scheduled_for > ?",
    [now, id, now],
  );
  if (cancelled === 0) {
    const row = await db.get<Row>("SELECT * FROM scheduled_dismissals WHERE group_id = ?", [id]);
    if (!row || row.state === "cancelled") throw ApiError.because("not_found", "noDismissal", "No dismissal of this group is scheduled");
    throw ApiError.because("conflict", "dismissalUnderway", "Too late to cancel: the dismissal is under way or done", undefined, {
      state: row.state === "scheduled" ? "running" : row.state,
    });
  }
  await audit(db, { actor: user, action: "group.dismiss_cancel", groupId: id, target: id, requestId });
  publishEvent({ type: "group.updated", groupId: id });
  return { cancelled: true };
}

/** The next due dismissal (or one whose claimer died), claimed for `LEASE_MS`; null when none is due. */
async function claimDue(db: Store, now: number): Promise<Row | null> {
  const due = "(state = 'scheduled' AND scheduled_for <= ?) OR (state = 'running' AND lease_until < ?)";
  const next = await db.get<{ group_id: string }>(`SELECT group_id FROM scheduled_dismissals WHERE ${due} ORDER BY scheduled_for LIMIT 1`, [
    now,
    now,
  ]);
  if (!next) return null;
  // Conditional: of two instances claiming at once, exactly one changes the row.
  const claimed = await db.get<Row>(
    `UPDATE scheduled_dismissals SET state = 'running', lease_until = ? WHERE group_id = ? AND (${due}) RETURNING *`,
    [now + LEASE_MS, next.group_id, now, now],
  );
  return claimed ?? null;
}

async function finish(
  db: Store,
  groupId: string,
  state: "done" | "failed" | "scheduled",
  extra: { error?: string; retryAt?: number } = {},
) {
  if (state === "scheduled")
    await db.run("UPDATE scheduled_dismissals SET state = 'scheduled', scheduled_for = ?, lease_until = NULL WHERE group_id = ?", [
      extra.retryAt ?? Date.now(),
      groupId,
    ]);
  else
    await db.run("UPDATE scheduled_dismissals SET state = ?, finished_at = ?, error = ?, lease_until = NULL WHERE group_id = ?", [
      state,
      Date.now(),
      extra.error ?? null,
      groupId,
    ]);
}

/** Carries out every due dismissal, one at a time; answers how many were settled (done or failed). */
export async function runDueDismissals(db: Store = getContext().db, holder = "runner"): Promise<number> {
  let settled = 0;
  for (let row = await claimDue(db, Date.now()); row; row = await claimDue(db, Date.now())) {
    const actor: Actor = {
      user: { id: row.actor_id, email: row.actor_email, name: row.actor_name, role: "admin" },
      requestId: row.request_id,
      ip: null,
    };
    // Up to a minute may have passed: an admin disabled or demoted meanwhile no longer dismisses anything.
    const scheduler = await findUserById(db, row.actor_id);
    if (!scheduler || scheduler.disabled || scheduler.role !== "admin") {
      await finish(db, row.group_id, "failed", { error: "The admin who scheduled it is no longer an enabled admin" });
      log("warn", "scheduled dismissal dropped: its admin lost the right", { groupId: row.group_id, holder });
      settled++;
      continue;
    }
    try {
      await dismissGroup({ id: row.group_id }, actor);
      await finish(db, row.group_id, "done");
      settled++;
    } catch (err) {
      const gone =
        (err instanceof ApiError && err.code === "not_found") || (err instanceof ImError && (err.code === 10010 || err.code === 10015));
      const transient = err instanceof ApiError && (err.code === "im_unavailable" || err.code === "rate_limited");
      if (gone) await finish(db, row.group_id, "done");
      else if (transient) await finish(db, row.group_id, "scheduled", { retryAt: Date.now() + RETRY_MS });
      else await finish(db, row.group_id, "failed", { error: err instanceof Error ? err.message : String(err) });
      if (!transient) settled++;
      log(gone ? "info" : "warn", "scheduled dismissal not carried out as planned", { groupId: row.group_id, holder, error: err });
    }
  }
  return settled;
}

let timer: NodeJS.Timeout | undefined;

/** Every half second, due dismissals are carried out (within 2 s of their time on any instance; at once after a restart). */
export function startDismissalRunner(): void {
  if (timer) return;
  let running = false;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    runDueDismissals()
      .catch((err: unknown) => log("error", "scheduled dismissals not run", { error: err }))
      .finally(() => (running = false));
  }, 500).unref();
}
