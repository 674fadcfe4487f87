// Tencent webhook request shape (reference §4): query SdkAppid, CallbackCommand, contenttype, ClientIP,
// OptPlatform, and with a token Sign = hex(sha256(token + RequestTime)) plus RequestTime.
import { createHash } from "node:crypto";

export function callbackSign(token: string, requestTime: number | string): string {
  return createHash("sha256").update(`${token}${requestTime}`).digest("hex");
}

export interface CallbackQuery {
  sdkAppId: number;
  command: string;
  clientIp: string;
  platform: string;
  token: string | undefined;
  /** Unix seconds. */
  requestTime: number;
}

export function callbackUrl(base: string, query: CallbackQuery): string {
  const url = new URL(base);
  url.searchParams.set("SdkAppid", String(query.sdkAppId));
  url.searchParams.set("CallbackCommand", query.command);
  url.searchParams.set("contenttype", "json");
  url.searchParams.set("ClientIP", query.clientIp);
  url.searchParams.set("OptPlatform", query.platform);
  if (query.token) {
    url.searchParams.set("RequestTime", String(query.requestTime));
    url.searchParams.set("Sign", callbackSign(query.token, query.requestTime));
  }
  return url.toString();
}
