import "server-only";
import type { Application } from "@/lib/schemas/application";
import { audited } from "@/lib/server/audit/audited";
import { recordIntent, recordResult } from "@/lib/server/audit/intents";
import { publishEvent } from "@/lib/server/live/bus";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { inboxRow } from "./inbox/repo";
import { decidedLater, holdForRule, markReversed, recordRefusedAtDoor, unmarkReversed, type RuleRef } from "./inbox/rule-rows";
import { toApplications } from "./model/list";
import { ruleActor } from "./rule-actor";

export type { RuleRef } from "./inbox/rule-rows";
export { decideForRule } from "./service";

// What rules do to applications besides deciding them the usual way (service.ts `decideForRule`), and what an
// admin does about a rule's approval (docs/rules.md § Deciding an arrival, § Reversing).

/** Leaves the application for a person, flagged "held by rule X"; audited as the rule's. False when no longer pending. */
export async function holdByRule(app: { id: string; groupId: string }, rule: RuleRef): Promise<boolean> {
  const { db } = getContext();
  const { user, requestId } = ruleActor(rule);
  const auditId = await recordIntent(db, { actor: user, action: "application.hold", groupId: app.groupId, target: app.id, requestId });
  const held = await holdForRule(db, app.id, rule.id);
  await recordResult(db, auditId, held ? "ok" : "conflict", { after: { held, rule: rule.name } });
  return held;
}

/**
 * Tencent mode: the rule refused the application in the BeforeApplyJoinGroup answer. Recorded as refused by
 * the rule (Tencent never kept it), audited, announced; no notice is sent: the requester's app got the refusal
 * and its reason as the join call's error.
 */
export async function recordRefusalAtDoor(
  a: Parameters<typeof recordRefusedAtDoor>[1],
  rule: RuleRef,
  reason: string | undefined,
): Promise<string> {
  const { db } = getContext();
  const { user, requestId } = ruleActor(rule);
  // The refusal and its audit entry together: a crash leaves both or neither.
  const id = await db.transaction(async (tx) => {
    const refused = String(await recordRefusedAtDoor(tx, a, rule, reason));
    const after = reason ? { reason } : undefined;
    const intent = await recordIntent(tx, {
      actor: user,
      action: "application.refuse",
      groupId: a.groupId,
      target: refused,
      after,
      requestId,
    });
    await recordResult(tx, intent, "ok", { after: { status: "refused", ...(reason ? { reason } : {}) } });
    return refused;
  });
  publishEvent({ type: "application.handled", groupId: a.groupId, applicationId: id, userId: a.requesterId, at: a.at });
  return id;
}

/**
 * An admin takes back a rule's approval: the requester is removed from the group (audited, intent first), and
 * the application says who reversed it and when. Only a rule's approval can be reversed, once, and only while the
 * membership is still the one it gave: not after a later decision on the same person, nor once they are an admin
 * or owner there (or gone). The reversal is claimed before the removal, so two admins at once remove once.
 */
export async function reverseRuleApproval(
  { id, reason }: { id: string; reason?: string },
  { user, requestId }: Actor,
): Promise<Application> {
  const { db, im } = getContext();
  const row = await inboxRow(db, id);
  if (!row || row.status === "closed") throw ApiError.because("not_found", "applicationNotFound", "There is no application with that ID");
  if (row.status !== "approved" || row.handled_via !== "rule")
    throw ApiError.because("conflict", "notRuleApproval", "Only an approval by a rule can be reversed here");
  if (await decidedLater(db, row))
    throw ApiError.because(
      "conflict",
      "decidedLater",
      "A later application of this requester to this group was decided since: that decision stands",
    );
  if (!(await markReversed(db, id, user.email, new Date().toISOString())))
    throw ApiError.because("conflict", "alreadyReversed", `This approval was already reversed by ${row.reversed_by ?? "another admin"}`, {
      by: row.reversed_by ?? "another admin",
    });
  try {
    const role = (await im.getRoles(row.group_id, [row.requester_id])).get(row.requester_id) ?? "NotMember";
    if (role !== "Member")
      throw ApiError.because(
        "conflict",
        "notPlainMember",
        role === "NotMember" ? "The requester is no longer in the group" : `The requester is now the group's ${role}: change that first`,
        { role },
      );
    await audited(
      {
        actor: user,
        action: "application.reverse",
        groupId: row.group_id,
        target: id,
        before: { status: "approved", ruleId: row.rule_id, rule: row.handled_by },
        after: { removed: row.requester_id, ...(reason ? { reason } : {}) },
        requestId,
      },
      () => im.removeMembers(row.group_id, [row.requester_id], reason),
    );
  } catch (err) {
    await unmarkReversed(db, id, user.email);
    throw err;
  }
  publishEvent({ type: "application.handled", groupId: row.group_id, applicationId: id, userId: row.requester_id });
  const [application] = await toApplications(db, [(await inboxRow(db, id))!]);
  return application;
}
