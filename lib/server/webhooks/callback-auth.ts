import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/**
 * A captured Sign is valid for every request of its second, whatever the body: this window bounds how long, and
 * replay.ts drops a request that comes again with the same RequestTime and body within it.
 */
export const MAX_CALLBACK_AGE_SECONDS = 5 * 60;

export type CallbackAuthConfig = { sdkAppId: number; token?: string };
export type CallbackVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** Tencent's webhook signature: lowercase hex of SHA-256 over token + RequestTime, no separator, no HMAC. */
export function callbackSign(token: string, requestTime: string | number): string {
  return createHash("sha256").update(`${token}${requestTime}`).digest("hex");
}

function sameHex(given: string, expected: string): boolean {
  const a = Buffer.from(given.toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks a webhook's query string: Sign and RequestTime when a token is configured, then SdkAppid. */
export function verifyCallback(params: URLSearchParams, config: CallbackAuthConfig, nowSeconds: number): CallbackVerdict {
  if (config.token) {
    const sign = params.get("Sign");
    const time = params.get("RequestTime");
    if (!sign || !time) return { ok: false, status: 401, reason: "Sign and RequestTime are required" };
    if (!/^\d{1,12}$/.test(time)) return { ok: false, status: 401, reason: "RequestTime is not a unix time" };
    if (Math.abs(nowSeconds - Number(time)) > MAX_CALLBACK_AGE_SECONDS)
      return { ok: false, status: 401, reason: "RequestTime is outside the accepted window" };
    if (!sameHex(sign, callbackSign(config.token, time))) return { ok: false, status: 401, reason: "Sign does not match" };
  }
  if (params.get("SdkAppid") !== String(config.sdkAppId)) return { ok: false, status: 403, reason: "SdkAppid is not this console's app" };
  return { ok: true };
}
