import "server-only";
import { applicationSource } from "@/lib/server/applications/current";
import { doorRefusalText, RULE_REFUSAL_CODE, rulesAtTheDoor } from "@/lib/server/rules/arrival";
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
  if (!(await applicationSource()).keepsInbox) return null;
  const decision = await rulesAtTheDoor({ groupId: plan.groupId, requesterId: work.requesterId, message: work.message, at: plan.at });
  if (!decision) return null;
  plan.inbox = { ...work, rule: decision };
  return decision.action === "refuse" ? { errorCode: RULE_REFUSAL_CODE, errorInfo: doorRefusalText(decision) } : null;
}
