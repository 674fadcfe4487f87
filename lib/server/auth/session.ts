import "server-only";
import { randomUUID } from "node:crypto";
import { encode, getToken, type JWT } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import type { SessionUser } from "@/lib/schemas/user";
import { decodeKept } from "./decoded-tokens";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { getEnv } from "@/lib/server/platform/env";
import type { Store } from "@/lib/server/store/store";
import { findUserById, SESSION_END_REASONS, type SessionEndReason, type SignedInUser } from "@/lib/server/users/repo";

/**
 * Sessions are next-auth JWTs in an httpOnly cookie, and a JWT alone cannot be taken back. So each token also
 * names the user's session version (`sv`), its own ID (`sid`) and when its user signed in (`authAt`), and every
 * request checks them against the store: a password change, a role change, disabling and "sign out everywhere"
 * bump the version; signing out records the token's ID; and 12 hours after signing in a session is over, however
 * often it was renewed.
 */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;

/** Why the sign-in page is shown to someone who was signed in. */
export const SESSION_ENDS = [...SESSION_END_REASONS, "expired"] as const;
export type SessionEnd = (typeof SESSION_ENDS)[number];

/**
 * `sid` is the session's own ID, kept through every renewal. Not the JWT's `jti`: next-auth gives each renewed
 * cookie a new one, so a signed-out session's copy, once renewed, would no longer be recognised.
 */
export type SessionClaims = { sub: string; sv: number; sid: string; authAt: number };

/** The claims a fresh sign-in puts in its token. */
export function claimsForSignIn(user: SignedInUser, now = Date.now()): SessionClaims {
  return { sub: user.id, sv: user.sessionVersion, sid: randomUUID(), authAt: now };
}

type Verdict = { user: SessionUser; claims: SessionClaims } | { user: null; ended: SessionEnd | null };

/** Checks a decoded token against the store. Pure but for the store, so it is tested without a browser. */
export async function checkToken(db: Store, token: JWT | null, now = Date.now()): Promise<Verdict> {
  const claims = token as Partial<SessionClaims> | null;
  if (!claims?.sub) return { user: null, ended: null };
  // Tokens from before versions existed carry none: they end like expired ones.
  if (typeof claims.sv !== "number" || typeof claims.sid !== "string" || typeof claims.authAt !== "number")
    return { user: null, ended: "expired" };
  if (now - claims.authAt > SESSION_LIFETIME_SECONDS * 1000) return { user: null, ended: "expired" };
  const user = await findUserById(db, claims.sub);
  if (!user) return { user: null, ended: null };
  if (user.disabled) return { user: null, ended: "disabled" };
  if (user.sessionVersion !== claims.sv)
    return { user: null, ended: (user.sessionsEndedReason as SessionEndReason | null) ?? "signed_out_everywhere" };
  if (await db.get("SELECT 1 AS one FROM ended_sessions WHERE sid = ?", [claims.sid])) return { user: null, ended: null };
  // The scope is read here on every request, like the role: a changed scope holds from the next one (docs/scopes.md § Sessions).
  const scope = user.scope ?? null;
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role, scope }, claims: claims as SessionClaims };
}

async function requestToken(): Promise<JWT | null> {
  const req = { headers: await headers(), cookies: await cookies() };
  // The cookie's claims may come decoded from a few seconds ago; checkToken still checks them against the store.
  return getToken({ req: req as never, secret: getEnv().nextAuthSecret, decode: (params) => decodeKept(params) });
}

async function readSession(): Promise<Verdict> {
  return checkToken(getContext().db, await requestToken());
}

/** The signed-in console user, or null: a disabled user, a changed role or an ended session count at once. */
export async function currentUser(): Promise<SessionUser | null> {
  return (await readSession()).user;
}

/** For pages: the user, or why there is none (`null` when there simply was no session). */
export async function currentUserOrEnd(): Promise<{ user: SessionUser | null; ended: SessionEnd | null }> {
  const verdict = await readSession();
  return verdict.user ? { user: verdict.user, ended: null } : { user: null, ended: verdict.ended };
}

/** For the API: the user, or 401 in the error contract, saying why when a session was ended. */
export async function requireUser(): Promise<SessionUser> {
  const verdict = await readSession();
  if (verdict.user) return verdict.user;
  throw new ApiError("unauthenticated", "Sign in to continue", verdict.ended ? { sessionEnded: verdict.ended } : undefined);
}

/**
 * For a long-lived response (the event stream): a check, to run now and then, that the session which opened it
 * still holds; it goes false when the session is ended by any of the means above, or when `stillHolds` says the
 * user as they are now no longer fits what the response was opened for (a changed scope: docs/scopes.md § Events).
 */
export async function watchSession(stillHolds: (now: SessionUser) => boolean = () => true): Promise<() => Promise<boolean>> {
  const token = await requestToken();
  return async () => {
    const { user } = await checkToken(getContext().db, token);
    return user !== null && stillHolds(user);
  };
}

/** Cookies are Secure when the console is served over https (as next-auth decides for its own). */
export const secureCookies = () => getEnv().nextAuthUrl.startsWith("https://");

const cookieName = () => (secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token");

/**
 * After this user's own sessions were ended (they changed their password, or signed out everywhere), the session
 * making the request goes on: its cookie is replaced by one carrying the new version, same sign-in time.
 */
export async function keepThisSession(sessionVersion: number): Promise<void> {
  const token = await requestToken();
  if (!token) return;
  const secure = secureCookies();
  const value = await encode({
    token: { ...token, sv: sessionVersion },
    secret: getEnv().nextAuthSecret,
    maxAge: SESSION_LIFETIME_SECONDS,
  });
  (await cookies()).set(cookieName(), value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: SESSION_LIFETIME_SECONDS });
}

/** Signing out ends this token for good, not just in the browser that held it (a copied cookie stops working). */
export async function endToken(db: Store, token: JWT | null): Promise<void> {
  const claims = token as Partial<SessionClaims> | null;
  if (typeof claims?.sid !== "string" || typeof claims.authAt !== "number") return;
  const until = claims.authAt + SESSION_LIFETIME_SECONDS * 1000;
  await db.run("INSERT INTO ended_sessions (sid, until) VALUES (?, ?) ON CONFLICT (sid) DO NOTHING", [claims.sid, until]);
  // Tokens past their lifetime are refused anyway: forget them.
  await db.run("DELETE FROM ended_sessions WHERE until < ?", [Date.now()]);
}
