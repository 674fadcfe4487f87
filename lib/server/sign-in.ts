import "server-only";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/schemas/user";
import { recordEvent } from "./audit";
import { clearEmailFailures, isThrottled, recordFailure } from "./signin-throttle";
import type { Store } from "./store/store";
import { verifyCredentials } from "./users";

/** The error message next-auth hands the sign-in form as `error`, so the form can say "Too many attempts". */
export const SIGNIN_RATE_LIMITED = "rate_limited";

/**
 * The client address as the nearest proxy saw it. Next fills x-forwarded-for from the socket when a request
 * arrives without one, and proxies append to it, so the rightmost entry is the one a client cannot choose
 * (a client talking to Next directly can still forge it; the per-email limit holds regardless).
 */
export function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const raw = headers?.["x-forwarded-for"];
  const last = typeof raw === "string" ? raw.split(",").pop()?.trim() : undefined;
  return last ? last.slice(0, 64) : null;
}

/** Credentials sign-in: throttled, audited (never the password), and only active users get in. */
export async function signInWithPassword(db: Store, input: { email: string; password: string; ip: string | null }): Promise<SessionUser | null> {
  const email = input.email.trim().toLowerCase().slice(0, 254);
  const attempt = { email, ip: input.ip };
  const base = { after: input.ip ? { ip: input.ip } : undefined, requestId: randomUUID() };
  if (await isThrottled(db, attempt)) {
    await recordEvent(db, { ...base, actor: { id: "", email }, action: "auth.signin_failed", result: "rate_limited" });
    throw new Error(SIGNIN_RATE_LIMITED);
  }
  const user = await verifyCredentials(db, email, input.password);
  if (!user) {
    await recordFailure(db, attempt);
    await recordEvent(db, { ...base, actor: { id: "", email }, action: "auth.signin_failed", result: "unauthenticated" });
    return null;
  }
  await clearEmailFailures(db, email);
  await recordEvent(db, { ...base, actor: user, action: "auth.signin", result: "ok" });
  return user;
}
