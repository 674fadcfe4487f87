import "server-only";
import type { Application, BulkResult, Claim, ListApplicationsQuery } from "@/lib/schemas/application";
import type { Page } from "@/lib/schemas/page";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { publishEvent } from "@/lib/server/live/bus";
import { refreshPendingCounts } from "./pending-counts";
import { countDownPending, withGroupFill } from "@/lib/server/directory";
import { audited } from "@/lib/server/audit/audited";
import { inboxGroupOf } from "./inbox/repo";
import { applicationSource } from "./current";
import { log } from "@/lib/server/platform/log";
import { assertNotClaimedByOther, claimsOf, dropClaim, releaseClaim, takeClaim } from "./claims";
import { selectionClause, type Selection } from "./model/filters";
import { markDecidedByRule, type RuleRef } from "./inbox/rule-rows";
import { ruleActor } from "./rule-actor";
import { deciding } from "./own-decisions";
import { assertApplicationInScope } from "./scope";
import { scopedGroupIds, type Asker } from "@/lib/server/platform/scope";

/** The queue, of the asker's groups alone when they are scoped (docs/scopes.md § Lists and counts). */
export async function listApplications(query: ListApplicationsQuery, who: Asker | null): Promise<Page<Application>> {
  const { db } = getContext();
  const page = await (await applicationSource()).list({ ...query, within: scopedGroupIds(who) });
  const claims = await claimsOf(
    db,
    page.items.filter((a) => a.status === "pending").map((a) => a.id),
  );
  const items = page.items.map((a) => ({ ...a, claim: claims.get(a.id) ?? null }));
  return { ...page, items: await withGroupFill(db, items) };
}

/** Claims an application for the moderator (docs/contracts.md § Claims); 404 unknown, 409 decided or held. */
export async function claimApplication({ id, force }: { id: string; force?: boolean }, { user }: Actor): Promise<Claim> {
  const { db } = getContext();
  await assertApplicationInScope(id, user);
  const found = await (await applicationSource()).find(id);
  if (!found) throw ApiError.because("not_found", "applicationNotFound", "There is no application with that ID");
  if (found.status !== "pending") throw new ApiError("conflict", "This application has already been handled", { status: found.status });
  return takeClaim(db, { id, groupId: found.groupId }, user, { force });
}

/** Gives up the moderator's claim on the application ("Skip"). */
export async function releaseApplication({ id }: { id: string }, { user }: Actor): Promise<void> {
  await releaseClaim(getContext().db, id, user);
}

/**
 * Approves or refuses one application. The intent is in the audit log before the IM call, so a crash in
 * between leaves a trace; the IM server (or, without the extension, the console's inbox) settles it
 * atomically, so of two moderators exactly one wins.
 */
type Decision = { approve: boolean; reason?: string; force?: boolean };

export async function handleApplication({ id, approve, reason, force }: Decision & { id: string }, actor: Actor): Promise<Application> {
  const { db, im } = getContext();
  const application = await settle(id, approve, reason, actor, force);
  await refreshPendingCounts(db, im, application.groupId).catch(() => undefined);
  return application;
}

async function settle(
  id: string,
  approve: boolean,
  reason: string | undefined,
  { user: actor, requestId }: Actor,
  force = false,
  rule?: RuleRef,
): Promise<Application> {
  const { db } = getContext();
  // Outside a scoped user's groups it is unknown to them (a bulk request names IDs of its own).
  await assertApplicationInScope(id, actor);
  // Someone else reviewing it is asked about first (409 `claimed`), before anything is written.
  await assertNotClaimedByOther(db, id, actor, force);
  return audited(
    {
      actor,
      action: approve ? "application.approve" : "application.refuse",
      groupId: await inboxGroupOf(db, id),
      target: id,
      after: reason ? { reason } : undefined,
      requestId,
    },
    // Remembered for the webhooks that follow: they need not re-read what the console decided (own-decisions.ts).
    async () => {
      const source = await applicationSource();
      return deciding(() => source.decide(id, approve, reason, actor.email));
    },
    (a) => ({ groupId: a.groupId, after: { status: a.status, ...(reason ? { reason } : {}) } }),
  ).then(async (a) => {
    // The decision stands whatever happens to the claim: a claim left behind lapses within two minutes.
    await dropClaim(db, a.id).catch((err: unknown) => log("warn", "claim not dropped after a decision", { error: err }));
    // A rule's decision reads as the rule's before anyone is told of it.
    if (rule) await markDecidedByRule(db, a.id, rule);
    const decided: Application = rule ? { ...a, handledVia: "rule", ruleId: rule.id, handledBy: rule.name } : a;
    publishEvent({ type: "application.handled", groupId: a.groupId, applicationId: a.id, userId: a.requesterId });
    return decided;
  });
}

// Enough calls in flight to use the gateway's whole rate budget; the limiter, not this number, sets the pace.
const BULK_CONCURRENCY = 8;

/** Many applications through the gateway's rate limit; every id gets its own result, in the order asked. */
export async function handleApplications(
  { ids, approve, reason, force }: Decision & { ids: string[] },
  actor: Actor,
): Promise<{ results: BulkResult[] }> {
  const { db } = getContext();
  const results: BulkResult[] = new Array(ids.length);
  let nextIndex = 0;
  async function worker() {
    while (nextIndex < ids.length) {
      const i = nextIndex++;
      try {
        const a = await settle(ids[i], approve, reason, actor, force);
        // Re-reading each group's count here would queue a hundred reads behind the webhooks' own (which bring
        // the IM server's count): count the handled application down at once instead.
        await countDownPending(db, a.groupId);
        results[i] = { id: ids[i], ok: true, status: a.status };
      } catch (err) {
        results[i] = { id: ids[i], ok: false, error: toResultError(err) };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, ids.length) }, worker));
  return { results };
}

/**
 * One application of a job (lib/server/jobs): decided as a bulk request decides it — claims respected unless
 * forced, audited, announced — with the group's pending count counted down rather than re-read.
 */
export async function decideForJob({ id, approve, reason, force }: Decision & { id: string }, actor: Actor): Promise<Application> {
  const a = await settle(id, approve, reason, actor, force);
  await countDownPending(getContext().db, a.groupId);
  return a;
}

/**
 * A rule decides an application as it arrives (lib/server/rules/arrival.ts): the same path as a moderator's
 * decision — audited (actor `rule:<id>`), decided by the IM server or the inbox so a race with a person has one
 * winner, announced — but a moderator's claim taken meanwhile wins (409 `claimed`).
 */
export async function decideForRule(
  { id, approve, reason }: Omit<Decision, "force"> & { id: string },
  rule: RuleRef,
): Promise<Application> {
  const a = await settle(id, approve, reason, ruleActor(rule), false, rule);
  await countDownPending(getContext().db, a.groupId);
  return a;
}

/** Where an application stands now (the IM server's word in local mode), or null when there is none. */
export async function applicationStatus(id: string): Promise<{ groupId: string; status: Application["status"] | "closed" } | null> {
  return (await applicationSource()).find(id);
}

/** The IDs of pending applications a selection matches, oldest first, at most `limit` (a job's items). */
export async function matchingPendingIds(filter: Omit<Selection, "status">, limit: number): Promise<string[]> {
  // `filter.within` (the starter's scope) keeps a scoped moderator's job to their groups.
  const { db } = getContext();
  const where = selectionClause(db, { ...filter, status: "pending" });
  const rows = await db.all<{ id: number | string }>(
    `SELECT a.id FROM inbox_applications a WHERE ${where.sql} ORDER BY a.created_at, a.id LIMIT ?`,
    [...where.args, limit],
  );
  return rows.map((r) => String(r.id));
}

export function toResultError(err: unknown): NonNullable<BulkResult["error"]> {
  if (err instanceof ApiError)
    return { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) };
  log("error", "bulk application handling failed", { error: err });
  return { code: "internal", message: "Something went wrong on our side. It has been logged" };
}
