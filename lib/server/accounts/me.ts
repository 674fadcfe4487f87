import "server-only";
import type { Actor } from "@/lib/server/platform/actor";
import { setTimeout as sleep } from "node:timers/promises";
import type { ConsoleUser, SessionUser, UpdateMeInput } from "@/lib/schemas/user";
import { ApiError } from "@/lib/server/platform/api-error";
import { audited } from "@/lib/server/audit/audited";
import { getContext } from "@/lib/server/platform/context";
import { getEnv } from "@/lib/server/platform/env";
import { keepThisSession } from "@/lib/server/auth/session";
import { startLink } from "@/lib/server/auth/sso-link";
import { checkReserved, reserveAttempt } from "@/lib/server/auth/throttle";
import { endSessions, getConsoleUser, passwordMatches, setPassword, updateUserRow } from "@/lib/server/users/repo";
import { refuse } from "./manage";

/** Who is asking, beyond the session: for the audit log and for counting wrong passwords per address. */

export async function getMe({ user }: Pick<Actor, "user">): Promise<ConsoleUser> {
  const me = await getConsoleUser(getContext().db, user.id);
  if (!me) throw new ApiError("unauthenticated", "Sign in to continue");
  return me;
}

/** A new password ends every other session of this user; this one goes on with a fresh token. */
export async function updateMe(input: UpdateMeInput, caller: Actor): Promise<ConsoleUser> {
  const { user } = caller;
  const { db } = getContext();
  const current = await getMe(caller);
  const { currentPassword, newPassword, ...change } = input;
  const keys = Object.keys(change) as (keyof typeof change)[];
  const before = Object.fromEntries(keys.map((k) => [k, current[k]]));
  const after = { ...change, ...(newPassword ? { passwordChanged: true, otherSessionsEnded: true } : {}) };
  return audited({ actor: user, action: "user.update", target: user.email, before, after, requestId: caller.requestId }, async () => {
    if (newPassword) await checkCurrentPassword(user, currentPassword ?? "", caller.ip);
    await updateUserRow(db, user.id, change);
    if (newPassword) await keepThisSession(await setPassword(db, user.email, newPassword, "password_changed"));
    return getMe(caller);
  });
}

/** "Sign out everywhere": every other session of this user ends at once; this one goes on. */
export async function signOutElsewhere(caller: Actor): Promise<{ ended: true }> {
  const { user } = caller;
  const { db } = getContext();
  return audited(
    { actor: user, action: "user.update", target: user.email, after: { otherSessionsEnded: true }, requestId: caller.requestId },
    async () => {
      await keepThisSession(await endSessions(db, user.id, "signed_out_everywhere"));
      return { ended: true as const };
    },
  );
}

/** Wrong guesses count against the same limits as sign-in: a borrowed session must not become a way to guess. */
async function checkCurrentPassword(user: SessionUser, password: string, ip: string | null) {
  const { db } = getContext();
  const reserved = await reserveAttempt(db, { email: user.email, ip });
  if (!reserved.allowed)
    throw ApiError.because("rate_limited", "tooManyPasswords", "Too many wrong passwords. Wait a few minutes and try again");
  const ok = await checkReserved(
    db,
    reserved.reservation,
    async () => ((await passwordMatches(db, user.id, password)) ? true : null),
    sleep,
  );
  if (!ok) throw refuse("currentPassword", "Your current password is not correct", "currentPasswordWrong");
}

/** The first step of linking single sign-on to one's own account: the IdP sign-in that follows links it. */
export async function startSsoLink({ user }: Actor): Promise<{ provider: string }> {
  if (!getEnv().oidc) throw ApiError.because("not_found", "ssoOff", "Single sign-on is not configured");
  await startLink(user.id);
  return { provider: "oidc" };
}
