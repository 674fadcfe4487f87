import "server-only";
import { createHmac } from "node:crypto";
import type { AlertsConfig } from "@/lib/server/platform/env";
import { MINUTE_MS, type BurstItem, type StaleItem } from "./detect";

export type AlertKind = "stale" | "burst";

export type DeliveryOptions = {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** Waits before each retry: a receiver that is down for a few seconds still gets the alert in this round. */
  backoffMs: readonly number[];
  timeoutMs: number;
};

/** 4 tries of at most 5 s and 7 s of waiting: done well within the minute the sender's lease lasts. */
export const DEFAULT_DELIVERY = { backoffMs: [1_000, 2_000, 4_000], timeoutMs: 5_000 } as const;

/** Slack's text shows this many lines of a batch; the JSON format always carries every item. */
const SLACK_LINES = 20;

/** The body, exactly the bytes that are signed and sent: `{ kind, at, items }`, or Slack's `{ text }`. */
export function alertBody(kind: AlertKind, items: (StaleItem | BurstItem)[], config: AlertsConfig, at: Date): string {
  // Waits are counted at sending, so a batch that waited for its minute does not understate them.
  const fresh =
    kind === "stale"
      ? (items as StaleItem[]).map((i) => ({ ...i, waitedMinutes: Math.floor((at.getTime() - Date.parse(i.createdAt)) / MINUTE_MS) }))
      : items;
  if (config.format === "json") return JSON.stringify({ kind, at: at.toISOString(), items: fresh });
  return JSON.stringify({ text: slackText(kind, fresh, config.staleMinutes) });
}

function slackText(kind: AlertKind, items: (StaleItem | BurstItem)[], staleMinutes: number): string {
  const lines =
    kind === "stale"
      ? (items as StaleItem[]).map(
          (i) => `• ${i.requesterId} → group ${i.groupId}: waiting ${i.waitedMinutes} min (application ${i.applicationId})`,
        )
      : (items as BurstItem[]).map(
          (i) =>
            `• Burst: ${i.count} applications to ${i.groupName ? `${i.groupName} (${i.groupId})` : i.groupId} in a minute, from ${i.windowStart}`,
        );
  const head =
    kind === "stale"
      ? `${items.length} application${items.length === 1 ? "" : "s"} waiting over ${staleMinutes} min:`
      : `${items.length} burst${items.length === 1 ? "" : "s"} of applications:`;
  const more = lines.length > SLACK_LINES ? [`…and ${lines.length - SLACK_LINES} more`] : [];
  // Slack reads &, < and > as markup: names and IDs come from app users.
  return [head, ...lines.slice(0, SLACK_LINES), ...more]
    .join("\n")
    .replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}

/** `sha256=<hex HMAC-SHA256 of the body>`, what a receiver recomputes with the shared secret. */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

export type Delivered = { ok: true } | { ok: false; error: string };

/**
 * Posts the body, retrying what may pass (no answer, a timeout, 429, 5xx) after each backoff. The error it
 * answers names what happened, never the URL (Slack's carries its secret) nor anything of the secret.
 */
export async function deliver(body: string, config: AlertsConfig, options: DeliveryOptions): Promise<Delivered> {
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "group-console-alerts" };
  if (config.secret) headers["x-console-signature"] = signature(body, config.secret);
  let error = "not sent";
  for (let attempt = 0; ; attempt++) {
    let retry = true;
    try {
      // No redirects: the signed body goes to the configured address only.
      const res = await options.fetch(config.url, {
        method: "POST",
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return { ok: true };
      error = `HTTP ${res.status}`;
      retry = res.status === 429 || res.status >= 500;
    } catch (err) {
      error = failure(err, options.timeoutMs);
    }
    if (!retry || attempt >= options.backoffMs.length)
      return { ok: false, error: `${error} (${attempt + 1} ${attempt ? "tries" : "try"})` };
    await options.sleep(options.backoffMs[attempt]);
  }
}

function failure(err: unknown, timeoutMs: number): string {
  const name = (err as { name?: string } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") return `timed out after ${timeoutMs / 1000} s`;
  const code = (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" && /^[A-Z_]+$/.test(code) ? `connection failed (${code})` : "connection failed";
}
