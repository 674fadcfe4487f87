import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { genUserSig } from "../../im-server/src/usersig";
import { E2E } from "./env";

/**
 * The IM server's side of the webhook, played by the test: Tencent's query string and Sign, computed here
 * independently of the console's code, with the token the launcher generated into the test data dir.
 */
export const SDKAPPID = 1400000000;

const secrets = (): { IM_CALLBACK_TOKEN: string; IM_SECRET_KEY: string } =>
  JSON.parse(readFileSync(path.join(E2E.dataDir, "secrets.json"), "utf8"));
const nowSeconds = () => Math.floor(Date.now() / 1000);

export type CallbackOptions = { sdkAppId?: number; requestTime?: number; token?: string; sign?: string | null };

export function callbackQuery(command: string, opts: CallbackOptions = {}): string {
  const requestTime = opts.requestTime ?? nowSeconds();
  const sign =
    opts.sign === undefined
      ? createHash("sha256")
          .update(`${opts.token ?? secrets().IM_CALLBACK_TOKEN}${requestTime}`)
          .digest("hex")
      : opts.sign;
  const q = new URLSearchParams({
    SdkAppid: String(opts.sdkAppId ?? SDKAPPID),
    CallbackCommand: command,
    contenttype: "json",
    ClientIP: "127.0.0.1",
    OptPlatform: "RESTAPI",
  });
  if (sign !== null) {
    q.set("RequestTime", String(requestTime));
    q.set("Sign", sign);
  }
  return q.toString();
}

export function sendWebhook(
  api: APIRequestContext,
  command: string,
  body: Record<string, unknown>,
  opts: CallbackOptions = {},
): Promise<APIResponse> {
  return api.post(`/api/im/callback?${callbackQuery(command, opts)}`, {
    data: { CallbackCommand: command, EventTime: Date.now(), ...body },
  });
}

/** A REST command as the App admin, straight to the IM server (what another backend of the app would do). */
export async function imAdmin(command: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const usersig = genUserSig({ sdkAppId: SDKAPPID, key: secrets().IM_SECRET_KEY, identifier: "administrator", expire: 600 });
  const qs = new URLSearchParams({
    sdkappid: String(SDKAPPID),
    identifier: "administrator",
    usersig,
    random: String(Date.now() % 1e9),
    contenttype: "json",
  });
  const res = await fetch(`http://127.0.0.1:${E2E.imPort}/v4/${command}?${qs}`, { method: "POST", body: JSON.stringify(body) });
  return (await res.json()) as Record<string, unknown>;
}
