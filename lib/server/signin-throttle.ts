import "server-only";
import { decide, type WindowRule } from "./rate-window";
import type { Db } from "./store/db";

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
export function isThrottled(db: Db, attempt: Attempt, now = Date.now()): boolean {
  const stmt = db.prepare("SELECT at FROM signin_failures WHERE key = ? AND at > ?");
  return keysOf(attempt).some(([kind, key]) => {
    const rule = RULES[kind];
    const times = (stmt.all(key, now - rule.windowMs) as { at: number }[]).map((r) => r.at);
    return decide(times, now, rule).limited;
  });
}

export function recordFailure(db: Db, attempt: Attempt, now = Date.now()) {
  const insert = db.prepare("INSERT INTO signin_failures (key, at) VALUES (?, ?)");
  db.transaction(() => {
    for (const [, key] of keysOf(attempt)) insert.run(key, now);
    // Keep the table to what the windows can still see.
    db.prepare("DELETE FROM signin_failures WHERE at <= ?").run(now - LONGEST_WINDOW);
  })();
}

/** A correct password forgives the account's earlier failures; the address keeps its count. */
export function clearEmailFailures(db: Db, email: string) {
  db.prepare("DELETE FROM signin_failures WHERE key = ?").run(`email:${email.trim().toLowerCase()}`);
}
