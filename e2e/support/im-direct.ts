import { genUserSig } from "../../im-server/src/usersig";

/**
 * Straight to an IM server of one's own (not the console): REST commands as the App admin, and client-API
 * calls as an app user, each signed with that server's secret.
 */
const SDKAPPID = 1400000000;

function signedQuery(secretKey: string, identifier: string): string {
  const usersig = genUserSig({ sdkAppId: SDKAPPID, key: secretKey, identifier, expire: 600 });
  return new URLSearchParams({
    sdkappid: String(SDKAPPID),
    identifier,
    usersig,
    random: String(Math.floor(Math.random() * 1e9)),
    contenttype: "json",
  }).toString();
}

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const envelope = (await res.json()) as Record<string, unknown>;
  if (envelope.ErrorCode !== 0) throw new Error(`${url.split("?")[0]}: ${envelope.ErrorCode} ${envelope.ErrorInfo}`);
  return envelope;
}

export function imDirect(baseUrl: string, secretKey: string) {
  return {
    rest: (command: string, body: Record<string, unknown>) =>
      post(`${baseUrl}/v4/${command}?${signedQuery(secretKey, "administrator")}`, body),
    asUser: (userId: string, method: string, body: Record<string, unknown>) =>
      post(`${baseUrl}/client/${method}?${signedQuery(secretKey, userId)}`, body),
  };
}
