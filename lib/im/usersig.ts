import { createHmac } from "node:crypto";
import { deflateSync } from "node:zlib";

export type UserSigInput = {
  sdkAppId: number;
  secretKey: string;
  identifier: string;
  expireSeconds: number;
  /** unix seconds; defaults to now */
  time?: number;
};

/** UserSig v2 (TLSSigAPIv2, HMAC-SHA256), as Tencent's own generators compute it. */
export function genUserSig({ sdkAppId, secretKey, identifier, expireSeconds, time = Math.floor(Date.now() / 1000) }: UserSigInput): string {
  const content = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expireSeconds}\n`;
  const sig = createHmac("sha256", secretKey).update(content).digest("base64");
  const doc = {
    "TLS.ver": "2.0",
    "TLS.identifier": identifier,
    "TLS.sdkappid": sdkAppId,
    "TLS.time": time,
    "TLS.expire": expireSeconds,
    "TLS.sig": sig,
  };
  const compressed = deflateSync(Buffer.from(JSON.stringify(doc)));
  return compressed.toString("base64").replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
}
