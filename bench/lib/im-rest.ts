// Tencent's REST protocol as the console's gateway speaks it (admin UserSig in the query, 64-bit-safe JSON,
// the envelope back), without the gateway's rate limits and retries: the IM server alone is measured.
import { genUserSig } from "../../im-server/src/usersig";
import { parseWireJson, stringifyWireJson } from "../../lib/im/wire-json";

export type ImCaller = (command: string, body?: Record<string, unknown>) => Promise<Record<string, unknown>>;

export function imCaller(baseUrl: string, opts: { sdkAppId: number; secretKey: string; adminId: string }): ImCaller {
  const usersig = genUserSig({ sdkAppId: opts.sdkAppId, key: opts.secretKey, identifier: opts.adminId, expire: 86400 });
  return async (command, body = {}) => {
    const query = new URLSearchParams({
      sdkappid: String(opts.sdkAppId),
      identifier: opts.adminId,
      usersig,
      random: String(Math.floor(Math.random() * 2 ** 32)),
      contenttype: "json",
    });
    const res = await fetch(`${baseUrl}/v4/${command}?${query}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stringifyWireJson(body),
    });
    const envelope = parseWireJson(await res.text()) as Record<string, unknown>;
    if (envelope.ErrorCode !== 0) throw new Error(`${command}: ${envelope.ErrorCode} ${envelope.ErrorInfo}`);
    return envelope;
  };
}
