import "server-only";
import { applicationSource } from "@/lib/server/applications/current";
import { doorRefusalText, RULE_REFUSAL_CODE, rulesAtTheDoor } from "@/lib/server/rules/arrival";
import { log } from "@/lib/server/platform/log";
import type { WebhookPlan } from "./plan";

/**
 * Tencent mode (the console keeps the inbox): BeforeApplyJoinGroup is the one moment a backend can refuse an
 * application, so the rules are asked before the answer (docs/rules.md § Tencent mode). What they decide rides on
 * the plan, carried out after the answer; a refusal is the answer: Tencent's 10100–10200 with the reason. In local
 * mode the IM server keeps applications and the rules act on its AfterApplyJoinGroup instead.
 */
export async function answerAtTheDoor(plan: WebhookPlan | null): Promise<{ errorCode: number; errorInfo: string } | null> {
  const work = plan?.inbox;
  if (!plan || work?.kind !== "applied") return null;
  const decision = await withinDeadline(async () => {
    // Which mode is known from memory after the first probe; a slow first probe counts against the deadline too.
    if (!(await applicationSource()).keepsInbox) return null;
    return rulesAtTheDoor({ groupId: plan.groupId, requesterId: work.requesterId, message: work.message, at: plan.at });
  }, plan.groupId);
  if (!decision) return null;
  plan.inbox = { ...work, rule: decision };
  return decision.action === "refuse" ? { errorCode: RULE_REFUSAL_CODE, errorInfo: doorRefusalText(decision) } : null;
}

/** The answer must leave well inside Tencent's 2 s: past this, the rules' decision is dropped and the application goes on. */
const DOOR_DEADLINE_MS = 800;

async function withinDeadline<T>(work: () => Promise<T | null>, groupId: string): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      log("warn", "rules too slow for the join callback; the application goes on to a person", { groupId });
      resolve(null);
    }, DOOR_DEADLINE_MS);
  });
  const running = work();
  // Past the deadline nobody awaits it: a failure then is only logged, never an unhandled rejection.
  running.catch((err: unknown) => log("warn", "rules failed after the join callback was answered", { groupId, error: err }));
  try {
    return await Promise.race([running, late]);
  } finally {
    clearTimeout(timer);
  }
}
