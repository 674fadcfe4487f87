import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { getEnv } from "@/lib/server/platform/env";
import { secureCookies } from "./session";

/**
 * Linking single sign-on to an existing account, by its owner: signed in with their password, they ask to link
 * (POST /api/me/sso-link), which leaves a short-lived cookie naming them, signed with the console's secret; the
 * sign-in with the identity provider that follows links the identity to them (oidc.ts), if they are still the
 * one signed in. A stranger cannot make the cookie, and an email address proves nothing here.
 */
const COOKIE = "console-sso-link";
const LIFETIME_SECONDS = 10 * 60;

const sign = (payload: string) => createHmac("sha256", getEnv().nextAuthSecret).update(`sso-link:${payload}`).digest("base64url");

export async function startLink(userId: string, now = Date.now()): Promise<void> {
  const payload = `${userId}.${now + LIFETIME_SECONDS * 1000}`;
  (await cookies()).set(COOKIE, `${payload}.${sign(payload)}`, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: LIFETIME_SECONDS,
  });
}

/** The user who asked to link, if the cookie is theirs, fresh, and they are `signedIn` now; the cookie is used up. */
export async function takeLink(signedInId: string | null, now = Date.now()): Promise<string | undefined> {
  const jar = await cookies();
  const value = jar.get(COOKIE)?.value;
  if (!value) return undefined;
  jar.delete(COOKIE);
  const [userId, expires, mac] = value.split(".");
  if (!userId || !expires || !mac) return undefined;
  const expected = Buffer.from(sign(`${userId}.${expires}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (Number(expires) < now || userId !== signedInId) return undefined;
  return userId;
}
