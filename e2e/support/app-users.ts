import { readFileSync } from "node:fs";
import path from "node:path";
import { ImClient } from "../../im-server/client";
import { genUserSig } from "../../im-server/src/usersig";
import { E2E } from "./env";

/**
 * The people on the other side: app users acting through the local IM server's client API (what the SDK
 * does on a phone), and an admin REST call to register new ones. Secrets come from the test data dir.
 */
const SDKAPPID = 1400000000;

/** Which test servers (the main ones by default; the strict Tencent pair has its own). */
export type TestServers = { imPort: number; dataDir: string };
const imBase = (servers: TestServers) => `http://127.0.0.1:${servers.imPort}`;

export function secretKey(servers: TestServers): string {
  return JSON.parse(readFileSync(path.join(servers.dataDir, "secrets.json"), "utf8")).IM_SECRET_KEY;
}

/** Registers an app user (account_import), as the app's own backend would. */
export async function importAppUser(userId: string, nick: string, servers: TestServers = E2E): Promise<void> {
  const sig = genUserSig({ sdkAppId: SDKAPPID, key: secretKey(servers), identifier: "administrator", expire: 600 });
  const qs = new URLSearchParams({
    sdkappid: String(SDKAPPID),
    identifier: "administrator",
    usersig: sig,
    random: "1",
    contenttype: "json",
  });
  const res = await fetch(`${imBase(servers)}/v4/im_open_login_svc/account_import?${qs}`, {
    method: "POST",
    body: JSON.stringify({ UserID: userId, Nick: nick }),
  });
  const env = await res.json();
  if (env.ErrorCode !== 0) throw new Error(`account_import ${userId}: ${env.ErrorCode} ${env.ErrorInfo}`);
}

/** A fresh app user, signed in on their "phone". */
export async function newAppUser(nick: string, servers: TestServers = E2E): Promise<{ userId: string; phone: ImClient }> {
  const userId = `e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  await importAppUser(userId, nick, servers);
  const phone = new ImClient({ baseUrl: imBase(servers), sdkAppId: SDKAPPID, secretKey: secretKey(servers) });
  await phone.login(userId);
  return { userId, phone };
}
