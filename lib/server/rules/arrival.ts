import "server-only";
import { decideForRule, holdByRule, recordRefusalAtDoor, type RuleRef } from "@/lib/server/applications/by-rule";
import { getDirectoryGroup } from "@/lib/server/directory";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { log } from "@/lib/server/platform/log";
import { decideByRules, recordMatch, type Candidate, type RuleDecision } from "./evaluate";

// Rules applied at the moment an application arrives, in both modes (docs/rules.md § Deciding an arrival).
// Local mode: the IM server reported it (AfterApplyJoinGroup) and keeps it; the rule's decision goes through
// handle_group_application like a person's, so a race with a moderator has one winner. Tencent mode: the rule
// answers BeforeApplyJoinGroup itself (a refusal), or acts right after the answer (approve, hold).

/** Tencent's range for refusing a Before* callback with the app's own code and text (10100–10200). */
export const RULE_REFUSAL_CODE = 10100;

/** Evaluation never blocks an arrival: a failure is logged and the application waits for a person. */
async function evaluate(candidate: Candidate): Promise<RuleDecision | null> {
  try {
    return await decideByRules(candidate);
  } catch (err) {
    log("error", "rules not evaluated; the application waits for a person", { groupId: candidate.groupId, error: err });
    return null;
  }
}

async function counted(rule: RuleRef): Promise<void> {
  await recordMatch(rule.id).catch((err: unknown) => log("warn", "rule match not counted", { ruleId: rule.id, error: err }));
}

/**
 * Carries a decision out on an application the model holds as pending (local mode, or Tencent mode after the
 * answer). Never throws: whatever goes wrong, the application is still announced and waits for a person.
 */
export async function carryOut(app: { id: string; groupId: string }, decision: RuleDecision): Promise<void> {
  try {
    if (decision.action === "hold") {
      if (await holdByRule(app, decision.rule)) await counted(decision.rule);
      return;
    }
    await decideForRule({ id: app.id, approve: decision.action === "approve", reason: decision.reason }, decision.rule);
    await counted(decision.rule);
  } catch (err) {
    // A moderator claimed or decided it first (409), or it is gone (404): the person's word stands.
    if (err instanceof ApiError && (err.code === "conflict" || err.code === "claimed" || err.code === "not_found")) {
      log("info", "a person settled the application before the rule", { applicationId: app.id, ruleId: decision.rule.id });
      return;
    }
    log("warn", "rule decision not carried out; the application waits for a person", { applicationId: app.id, error: err });
  }
}

/**
 * An application is "arriving" while the IM server's own arrival time is this recent. Older ones (a backlog
 * found by a late lookup, or a webhook replayed or forged with an old EventTime) are left to people: rules act
 * at the moment of arrival only (docs/rules.md § Local mode).
 */
export const ARRIVAL_WINDOW_MS = 2 * 60_000;

/** Local mode: the IM server just reported this application (pending, and now in the model). Never throws. */
export async function applyRulesOnArrival(
  app: { id: string; groupId: string; requesterId: string; message: string; createdAt: string },
  now = Date.now(),
): Promise<void> {
  if (!(now - Date.parse(app.createdAt) <= ARRIVAL_WINDOW_MS)) return;
  try {
    const group = await getDirectoryGroup(getContext().db, app.groupId);
    const decision = await evaluate({ ...app, groupType: group?.type ?? null });
    if (decision) await carryOut(app, decision);
  } catch (err) {
    log("error", "rules not applied; the application waits for a person", { applicationId: app.id, error: err });
  }
}

/**
 * Tencent mode, while BeforeApplyJoinGroup waits for its answer: the rule that decides this application, read
 * from the store alone (the directory's copy of the group, the rules, the model's counts), never the IM server.
 * Only a group the directory knows as needing approval has applications; the others are joins, not for rules.
 * The caller bounds the wait (lib/server/webhooks/door.ts).
 */
export async function rulesAtTheDoor(a: {
  groupId: string;
  requesterId: string;
  message: string;
  at: string;
}): Promise<RuleDecision | null> {
  const group = await getDirectoryGroup(getContext().db, a.groupId);
  if (!group || group.joinOption !== "NeedPermission") return null;
  return evaluate({ groupId: a.groupId, groupType: group.type, requesterId: a.requesterId, message: a.message, createdAt: a.at });
}

/** Tencent mode, after the answer: a refusal at the door is recorded as the rule's. */
export async function recordDoorRefusal(a: Parameters<typeof recordRefusalAtDoor>[0], decision: RuleDecision): Promise<void> {
  await recordRefusalAtDoor(a, decision.rule, decision.reason);
  await counted(decision.rule);
}

/** What the requester's app is told when a rule refuses at the door (their language when the rule's template is). */
export function doorRefusalText(decision: RuleDecision): string {
  return decision.reason ?? "Your request to join was declined";
}
