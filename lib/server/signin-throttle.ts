import "server-only";
import { decide, type WindowRule } from "./rate-window";
import type { Store } from "./store/store";

// Per email against guessing one account's password; per address against spraying many accounts.
const RULES: Record<"email" | "ip", WindowRule> = {
  email: { max: 5, windowMs: 15 * 60 * 1000 },
  ip: { max: 20, windowMs: 15 * 60 * 1000 },
};
const LONGEST_WINDOW = Math.max(RULES.email.windowMs, RULES.ip.windowMs);

export type Attempt = { email: string; ip?: string | null };

const keysOf = (a: Attempt) =>
  [["email", `email:${a.email.trim().toLowerCase()}`], ...(a.ip ? [["ip", `ip:${a.ip}`]] : [])] as ["email" | "ip", string][];

/** Whether this attempt must be refused without even checking the password. */
export async function isThrottled(db: Store, attempt: Attempt, now = Date.now()): Promise<boolean> {
  for (const [kind, key] of keysOf(attempt)) {
    const rule = RULES[kind];
    const rows = await db.all<{ at: number }>("SELECT at FROM signin_failures WHERE key = ? AND at > ?", [key, now - rule.windowMs]);
    if (decide(rows.map((r) => r.at), now, rule).limited) return true;
  }
  return false;
}

export async function recordFailure(db: Store, attempt: Attempt, now = Date.now()): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [, key] of keysOf(attempt)) await tx.run("INSERT INTO signin_failures (key, at) VALUES (?, ?)", [key, now]);
    // Keep the table to what the windows can still see.
    await tx.run("DELETE FROM signin_failures WHERE at <= ?", [now - LONGEST_WINDOW]);
  });
}

/** A correct password forgives the account's earlier failures; the address keeps its count. */
export async function clearEmailFailures(db: Store, email: string): Promise<void> {
  await db.run("DELETE FROM signin_failures WHERE key = ?", [`email:${email.trim().toLowerCase()}`]);
}
