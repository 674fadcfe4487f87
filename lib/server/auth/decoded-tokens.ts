import "server-only";
import { createHash } from "node:crypto";
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/**
 * Decoding a session cookie (an HKDF key derivation, then AES-GCM decryption) gives the same claims for the same
 * cookie every time, yet it was redone on every API request, a page's burst of them included: in a CPU profile of
 * `GET /api/groups` at concurrency 8, about 7% of the console's own time per request. So a cookie's decoded claims
 * are kept for a few seconds, keyed by a hash of the secret and the cookie (never the cookie itself).
 *
 * Only the decoding is kept, never a verdict: what the claims must still match — the user, their role and scope,
 * the session version, the ended sessions — is read from the store on every request as before (checkToken in
 * session.ts), so signing out, a role change or disabling a user holds from the next request, as it did. A token
 * that fails to decode is not kept (refused again each time), and a kept one is dropped at its own expiry.
 */
export const KEEP_DECODED_MS = 10_000;
/** Distinct cookies in use within a few seconds: a console's signed-in users, with room to spare. */
const MAX_KEPT = 2_000;

type Kept = { claims: JWT; until: number };
const kept = new Map<string, Kept>();

const keyOf = ({ token, secret }: JWTDecodeParams) =>
  createHash("sha256")
    .update(secret)
    .update("\0")
    .update(token ?? "")
    .digest("base64url");

/** next-auth's `decode`, remembered for a few seconds; for getToken's `decode` option. Throws as `decode` does. */
export async function decodeKept(params: JWTDecodeParams, now = Date.now()): Promise<JWT | null> {
  if (!params.token) return null;
  const key = keyOf(params);
  const hit = kept.get(key);
  if (hit && hit.until > now) return { ...hit.claims };
  if (hit) kept.delete(key);
  const claims = await decode(params);
  if (!claims) return null;
  // next-auth accepts a token up to 15 s past `exp`; a kept one goes at `exp` itself, and one without is not kept.
  const until = Math.min(now + KEEP_DECODED_MS, typeof claims.exp === "number" ? claims.exp * 1000 : now);
  if (until > now) {
    // Oldest first (a Map keeps insertion order): a flood of distinct cookies cannot grow the memory held.
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, { claims: { ...claims }, until });
  }
  return claims;
}

/** For tests: forget every decoded cookie. */
export function forgetDecodedTokens(): void {
  kept.clear();
}
