import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { recordEvent, recordIntent, recordResult } from "@/lib/server/audit/intents";
import { checkReserved, reserveAttempt, UNKNOWN_ADDRESS, WINDOW_MS } from "./throttle";
import type { Store } from "@/lib/server/store/store";
import { verifyCredentials, type SignedInUser } from "@/lib/server/users/repo";

/** The error message next-auth hands the sign-in form as `error`, so the form can say "Too many attempts". */
export const SIGNIN_RATE_LIMITED = "rate_limited";

/**
 * Credentials sign-in: throttled by address (throttle.ts), audited (never the password), and only active
 * users get in. Attempts refused by the throttle are counted in one audit row per address and window, so a
 * flood of them cannot grow the audit log without bound.
 */
export async function signInWithPassword(
  db: Store,
  input: { email: string; password: string; ip: string | null },
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<SignedInUser | null> {
  const email = input.email.trim().toLowerCase().slice(0, 254);
  const ip = input.ip ?? UNKNOWN_ADDRESS;
  const reserved = await reserveAttempt(db, { email, ip });
  if (!reserved.allowed) {
    await countThrottled(db, email, ip);
    throw new Error(SIGNIN_RATE_LIMITED);
  }
  const user = await checkReserved(db, reserved.reservation, () => verifyCredentials(db, email, input.password), wait);
  const base = {
    after: { ip, ...(reserved.reservation.delayMs ? { delayedMs: reserved.reservation.delayMs } : {}) },
    requestId: randomUUID(),
  };
  if (!user) {
    await recordEvent(db, { ...base, actor: { id: "", email }, action: "auth.signin_failed", result: "unauthenticated" });
    return null;
  }
  await recordEvent(db, { ...base, actor: user, action: "auth.signin", result: "ok" });
  return user;
}

/** One audit row per address and 15-minute window, whose `after.throttled` counts the refused attempts. */
async function countThrottled(db: Store, email: string, ip: string, now = Date.now()): Promise<void> {
  const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
  await db.transaction(
    async (tx) => {
      const row = await tx.get<{ count: number; audit_id: number }>(
        "SELECT count, audit_id FROM signin_throttled WHERE ip = ? AND window_start = ?",
        [ip, windowStart],
      );
      const summary = (count: number) => ({ ip, throttled: count, since: new Date(windowStart).toISOString() });
      if (!row) {
        const id = await recordIntent(tx, {
          actor: { id: "", email },
          action: "auth.signin_failed",
          after: summary(1),
          requestId: randomUUID(),
        });
        await recordResult(tx, id, SIGNIN_RATE_LIMITED);
        await tx.run("INSERT INTO signin_throttled (ip, window_start, count, audit_id) VALUES (?, ?, 1, ?)", [ip, windowStart, id]);
        await tx.run("DELETE FROM signin_throttled WHERE window_start < ?", [windowStart - WINDOW_MS]);
        return;
      }
      const count = Number(row.count) + 1;
      await tx.run("UPDATE signin_throttled SET count = ? WHERE ip = ? AND window_start = ?", [count, ip, windowStart]);
      await tx.run("UPDATE audit SET after = ? WHERE id = ?", [JSON.stringify(summary(count)), row.audit_id]);
    },
    { serializeOn: `signin:${ip}` },
  );
}
