import "server-only";
import type { Actor } from "@/lib/server/platform/actor";
import type { RuleRef } from "./inbox/rule-rows";

/**
 * A rule acting as the audit log's actor: `rule:<id>` where a person's email would be, so
 * `GET /api/audit?actor=rule:<id>` lists exactly its decisions, and the IM server records it as the handler
 * (its 64-byte attribution fits: IDs are numbers). It is no console user (no ID) and has no request of its own.
 */
export function ruleActor(rule: RuleRef): Actor {
  const email = `rule:${rule.id}`;
  return { user: { id: "", email, name: rule.name, role: "admin" }, requestId: email, ip: null };
}
