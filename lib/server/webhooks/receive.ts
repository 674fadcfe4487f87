import "server-only";
import { after, type NextRequest } from "next/server";
import { getContext } from "@/lib/server/platform/context";
import { getEnv } from "@/lib/server/platform/env";
import { verifyCallback } from "./callback-auth";
import { rereadMarkedGroup, runWebhookPlan } from "./run";
import { planWebhook, type WebhookPlan } from "./plan";
import { createDoor, type Door } from "./admission";
import { countWebhook } from "./tally";
import { answerAtTheDoor } from "./door";
import { isFirstDelivery, replayKey } from "./replay";
import { log } from "@/lib/server/platform/log";
import { BodyTooLargeError, readRequestBody } from "@/lib/server/http/read-capped-body";

/**
 * Tencent's answer envelope. ErrorCode 0 allows a Before* action; After* answers are ignored by the sender.
 * `no-transform`: Next would otherwise gzip these 60 bytes (a streamed body has no length to stay under the
 * threshold by), a fifth of the answer's CPU in a storm of webhooks (docs/webhooks.md § Answer first, work after).
 */
function envelope(status: number, errorCode: number, errorInfo: string): Response {
  return Response.json(
    { ActionStatus: errorCode === 0 ? "OK" : "FAIL", ErrorCode: errorCode, ErrorInfo: errorInfo },
    { status, headers: { "cache-control": "no-store, no-transform" } },
  );
}

type ReadBody = { ok: true; body: object; bytes: Uint8Array } | { ok: false; status: number; info: string };

async function readBody(req: NextRequest): Promise<ReadBody> {
  let bytes: Uint8Array;
  try {
    bytes = await readRequestBody(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return { ok: false, status: 413, info: "body over 1 MB" };
    throw err;
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, status: 400, info: "body is not JSON" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { ok: false, status: 400, info: "body is not a JSON object" };
  return { ok: true, body, bytes };
}

/** Whether another request with this RequestTime and body was received already, by any console instance. */
async function isReplay(params: URLSearchParams, bytes: Uint8Array): Promise<boolean | "unknown"> {
  const key = replayKey(params.get("RequestTime"), bytes);
  if (!key) return false;
  try {
    return !(await isFirstDelivery(getContext().db, key));
  } catch (err) {
    log("error", "webhook refused: cannot tell whether it is a replay", { route: "/api/im/callback", error: err });
    return "unknown";
  }
}

/**
 * A webhook from the IM server: check who sent it, answer at once (the sender gives up after 2 s, and
 * a Before* callback holds up a user's action meanwhile), then do the work after the answer is sent.
 * Every Before* is allowed, except an application an enabled rule refuses (door.ts): the console otherwise
 * watches, it does not moderate what users do in the app.
 */
export async function receiveWebhook(req: NextRequest): Promise<Response> {
  let config;
  try {
    config = getEnv();
  } catch (err) {
    log("error", "webhook refused: the console is not configured", { error: err });
    return envelope(500, 1, "console not configured");
  }
  const params = req.nextUrl.searchParams;
  const verdict = verifyCallback(params, { sdkAppId: config.im.sdkAppId, token: config.callbackToken }, Math.floor(Date.now() / 1000));
  if (!verdict.ok) {
    log("warn", "webhook refused", { route: "/api/im/callback", status: verdict.status, reason: verdict.reason });
    return envelope(verdict.status, 1, verdict.reason);
  }
  const read = await readBody(req);
  if (!read.ok) return envelope(read.status, 1, read.info);
  const queryCommand = params.get("CallbackCommand");
  const bodyCommand = (read.body as { CallbackCommand?: unknown }).CallbackCommand;
  if (queryCommand && typeof bodyCommand === "string" && bodyCommand !== queryCommand)
    return envelope(400, 1, "CallbackCommand differs between query and body");
  const command = queryCommand ?? (typeof bodyCommand === "string" ? bodyCommand : "");

  const plan = planWebhook(command, read.body);
  const door = plan && mayWait(plan) ? theDoor() : null;
  if (plan && door && !door.enter()) {
    // Answered as any other (Tencent does not send an After-callback again); one re-read of its group stands for
    // it. No replay check: a mark does nothing a second time that the first did not, and it spares the store.
    door.mark(plan.groupId, { joined: plan.inbox?.kind === "joined" });
    countWebhook(command);
    reportMarks(door);
    return envelope(200, 0, "");
  }
  let handedOver = false;
  try {
    const replay = await isReplay(params, read.bytes);
    if (replay === "unknown") return envelope(503, 1, "console store unavailable");
    if (replay) {
      // Acknowledged like any other, so a replaying sender learns nothing; nothing is recorded or done.
      log("warn", "webhook replay dropped", { route: "/api/im/callback", command });
      return envelope(200, 0, "");
    }
    const refusal = await answerAtTheDoor(plan).catch((err: unknown) => {
      log("error", "rules not asked at the door; the application goes on", { command, error: err });
      return null;
    });
    if (plan && onlyMessages(plan)) {
      // Nothing to re-read (one read of the directory by key): done before the answer, without an after() for each.
      await runWebhookPlan(plan).catch((err) => log("error", "webhook not applied", { command, groupId: plan.groupId, error: err }));
    } else if (plan) {
      after(() =>
        runWebhookPlan(plan)
          .catch((err) => log("error", "webhook not applied", { command, groupId: plan.groupId, error: err }))
          .finally(() => door?.leave()),
      );
      handedOver = true;
    }
    countWebhook(plan ? command : null);
    if (refusal) log("info", "webhook refused by a rule", { route: "/api/im/callback", command, groupId: plan?.groupId });
    return refusal ? envelope(200, refusal.errorCode, refusal.errorInfo) : envelope(200, 0, "");
  } finally {
    if (!handedOver) door?.leave();
  }
}

/**
 * Webhooks whose work is only a re-read of their group (memberships, profile, owner, creation, dismissal) take a place
 * at the door, or mark their group when it is full. An application's (the inbox's only record of it, and the rules'
 * one moment), a decided application's and a message's are always worked on: their work is not a re-read.
 */
function mayWait(plan: WebhookPlan): boolean {
  return plan.sync && !plan.findApplication && !plan.handledApplication && plan.inbox?.kind !== "applied";
}

function onlyMessages(plan: WebhookPlan): boolean {
  const nothingElse = !plan.sync && !plan.refreshPending && !plan.inbox && !plan.findApplication && !plan.handledApplication;
  return nothingElse && plan.ifPresent.length > 0 && plan.ifPresent.every((e) => e.type === "message.sent");
}

/** Webhooks whose work may run at once; see admission.ts for what a full door does. */
export const MAX_WEBHOOKS_IN_FLIGHT = 128;
/** A storm is reported in one line every so often, not one per webhook: logging each would cost what marking saves. */
const REPORT_EVERY_MS = 10_000;

// One door per process, shared by every bundle, like the group batches behind it (run.ts).
const holder = globalThis as typeof globalThis & { __webhookDoor?: Door; __webhookDoorReported?: number };

function theDoor(): Door {
  return (holder.__webhookDoor ??= createDoor(MAX_WEBHOOKS_IN_FLIGHT, (groupId, mark) =>
    rereadMarkedGroup(groupId, mark).catch((err: unknown) => {
      // Its changes reach the directory with the group's next webhook or the next crawl.
      log("error", "marked group not re-read", { route: "/api/im/callback", groupId, error: err });
    }),
  ));
}

function reportMarks(door: Door) {
  const now = Date.now();
  if (now - (holder.__webhookDoorReported ?? 0) < REPORT_EVERY_MS) return;
  holder.__webhookDoorReported = now;
  log("warn", "webhooks past the door's bound: their groups are marked for one re-read each", {
    route: "/api/im/callback",
    ...door.take(),
  });
}
