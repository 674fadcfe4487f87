import { genUserSig } from "./usersig";

const LIFETIME_SECONDS = 24 * 60 * 60;
/** Renew well before expiry so a request signed just before the edge never reaches the server expired. */
const RENEW_BEFORE_SECONDS = 60 * 60;

export type SigSource = { sdkAppId: number; secretKey: string; identifier: string };

/** Keeps one admin UserSig and renews it before it expires; `invalidate` forces a new one (after a 70001). */
export function createUserSigCache(source: SigSource, now: () => number = () => Math.floor(Date.now() / 1000)) {
  let cached: { sig: string; expiresAt: number } | null = null;
  return {
    get(): string {
      const t = now();
      if (!cached || cached.expiresAt - RENEW_BEFORE_SECONDS <= t) {
        cached = { sig: genUserSig({ ...source, expireSeconds: LIFETIME_SECONDS, time: t }), expiresAt: t + LIFETIME_SECONDS };
      }
      return cached.sig;
    },
    invalidate() {
      cached = null;
    },
  };
}
