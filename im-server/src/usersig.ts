// UserSig v2 (TLSSigAPIv2, HMAC-SHA256), reference §5. Verification decodes the sig and recomputes
// the HMAC from the decoded fields: different libraries compress differently (node's default level,
// Go's level 0), so comparing whole UserSig strings would refuse valid sigs.
import { createHmac, timingSafeEqual } from "node:crypto";
import { deflateSync, inflateSync } from "node:zlib";
import { Code } from "./domain/errors";

export interface SigInput {
  sdkAppId: number;
  key: string;
  identifier: string;
  /** Seconds of validity. */
  expire: number;
  /** Unix seconds the sig is issued at; defaults to now. */
  time?: number;
  /** zlib level; the npm package uses node's default, the Go library level 0. */
  level?: number;
  /** Only for TRTC PrivateMapKey; carried through verification for completeness. */
  userbuf?: Buffer;
}

function contentToSign(identifier: string, sdkAppId: number, time: number, expire: number, userbuf?: string): string {
  let content = `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  if (userbuf !== undefined) content += `TLS.userbuf:${userbuf}\n`;
  return content;
}

function hmacBase64(key: string, content: string): string {
  return createHmac("sha256", key).update(content).digest("base64");
}

export function genUserSig(input: SigInput): string {
  const time = input.time ?? Math.floor(Date.now() / 1000);
  const userbuf = input.userbuf?.toString("base64");
  const doc: Record<string, string | number> = {
    "TLS.ver": "2.0",
    "TLS.identifier": input.identifier,
    "TLS.sdkappid": input.sdkAppId,
    "TLS.time": time,
    "TLS.expire": input.expire,
  };
  if (userbuf !== undefined) doc["TLS.userbuf"] = userbuf;
  doc["TLS.sig"] = hmacBase64(input.key, contentToSign(input.identifier, input.sdkAppId, time, input.expire, userbuf));
  const compressed = deflateSync(Buffer.from(JSON.stringify(doc)), input.level === undefined ? {} : { level: input.level });
  return compressed.toString("base64").replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
}

export type SigVerdict = { ok: true; identifier: string; sdkAppId: number; expiresAt: number } | { ok: false; code: number; info: string };

export interface VerifyInput {
  sig: string;
  sdkAppId: number;
  key: string;
  identifier: string;
  /** Unix seconds; defaults to now. */
  now?: number;
}

interface SigDoc {
  "TLS.ver"?: unknown;
  "TLS.identifier"?: unknown;
  "TLS.sdkappid"?: unknown;
  "TLS.time"?: unknown;
  "TLS.expire"?: unknown;
  "TLS.userbuf"?: unknown;
  "TLS.sig"?: unknown;
}

/**
 * A real UserSig inflates to a few hundred bytes. Without a cap, a 16 KB query of zeros inflates to 16 MB
 * (and whitespace padding keeps a captured sig's JSON valid), so inflating stops past this many bytes.
 */
export const MAX_INFLATED_SIG_BYTES = 4 * 1024;

function decode(sig: string): SigDoc | null {
  if (!/^[A-Za-z0-9*_-]+$/.test(sig)) return null;
  try {
    const base64 = sig.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "=");
    // Past the cap zlib throws (ERR_BUFFER_TOO_LARGE) and the sig is refused as undecodable (70003).
    const json = inflateSync(Buffer.from(base64, "base64"), { maxOutputLength: MAX_INFLATED_SIG_BYTES }).toString("utf8");
    const doc = JSON.parse(json) as unknown;
    return typeof doc === "object" && doc !== null && !Array.isArray(doc) ? (doc as SigDoc) : null;
  } catch {
    return null;
  }
}

const refuse = (code: number, info: string): SigVerdict => ({ ok: false, code, info });

export function verifyUserSig(input: VerifyInput): SigVerdict {
  if (input.sig === "") return refuse(Code.SIG_EMPTY, "UserSig is empty");
  const doc = decode(input.sig);
  if (!doc) return refuse(Code.SIG_INVALID, "UserSig cannot be decoded");
  const { "TLS.identifier": identifier, "TLS.sdkappid": sdkAppId, "TLS.time": time, "TLS.expire": expire } = doc;
  const signature = doc["TLS.sig"];
  const userbuf = doc["TLS.userbuf"];
  if (
    typeof identifier !== "string" ||
    typeof sdkAppId !== "number" ||
    typeof time !== "number" ||
    typeof expire !== "number" ||
    typeof signature !== "string" ||
    (userbuf !== undefined && typeof userbuf !== "string")
  ) {
    return refuse(Code.SIG_INVALID, "UserSig lacks required fields");
  }
  if (sdkAppId !== input.sdkAppId) return refuse(Code.SIG_SDKAPPID_MISMATCH, "the SDKAppID in the UserSig differs from the request's");
  if (identifier !== input.identifier)
    return refuse(Code.SIG_IDENTIFIER_MISMATCH, "the identifier in the UserSig differs from the request's");
  const now = input.now ?? Math.floor(Date.now() / 1000);
  if (now > time + expire) return refuse(Code.SIG_EXPIRED, "UserSig expired");

  const expected = Buffer.from(hmacBase64(input.key, contentToSign(identifier, sdkAppId, time, expire, userbuf)));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return refuse(Code.SIG_MISMATCH, "UserSig verification failed");
  }
  return { ok: true, identifier, sdkAppId, expiresAt: time + expire };
}
