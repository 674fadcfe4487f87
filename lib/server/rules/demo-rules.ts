import "server-only";
import type { CreateRule } from "@/lib/schemas/rule";
import type { Store } from "@/lib/server/store/store";
import { findUserById, userIdByEmail } from "@/lib/server/users/repo";
import { createRule } from "./service";

// Examples an admin can dry run and switch on: every one starts disabled (no rule acts until an admin says so).
const DEMO_RULES: CreateRule[] = [
  {
    name: "Demo: refuse spam links",
    enabled: false,
    scope: {},
    when: { messageContainsAny: ["bit.ly", "free followers", "無料フォロワー", "免费粉丝"] },
    then: { action: "refuse", reason: "Messages with promotional links are not accepted" },
  },
  {
    name: "Demo: hold applicants refused this month",
    enabled: false,
    scope: {},
    when: { refusedAtLeast: { count: 1, days: 30 } },
    then: { action: "hold" },
  },
  {
    name: "Demo: hold empty messages during a burst",
    enabled: false,
    scope: { types: ["Public"] },
    when: { messageEmpty: true, burst: { atLeast: 20, minutes: 5 } },
    then: { action: "hold" },
  },
];

/**
 * The embedded demo (CONSOLE_DEMO=1) writes a few disabled example rules, as the bootstrap admin and audited,
 * so the rules page has something to dry run on a fresh start. Only while no rule was ever written (the audit
 * log remembers), so once per store, and never on a store people use.
 */
export async function writeDemoRules(db: Store, adminEmail: string): Promise<number> {
  if (await db.get("SELECT 1 AS one FROM audit WHERE action LIKE 'rule%' LIMIT 1")) return 0;
  const adminId = await userIdByEmail(db, adminEmail);
  const admin = adminId ? await findUserById(db, adminId) : null;
  if (!admin) return 0;
  const actor = { user: { id: admin.id, email: admin.email, name: admin.name, role: admin.role }, requestId: "demo-rules", ip: null };
  for (const rule of DEMO_RULES) await createRule(rule, actor);
  return DEMO_RULES.length;
}
