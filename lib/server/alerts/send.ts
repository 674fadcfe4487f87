import "server-only";
import { randomUUID } from "node:crypto";
import type { AlertsConfig } from "@/lib/server/platform/env";
import { takeLease } from "@/lib/server/platform/lease";
import { log } from "@/lib/server/platform/log";
import { placeholders, type Store } from "@/lib/server/store/store";
import { MINUTE_MS, stillPending, type BurstItem, type StaleItem } from "./detect";
import { alertBody, deliver, type AlertKind, type DeliveryOptions } from "./deliver";
import { recordAlertError, recordAlertOk } from "./status";

/** Items per request: one request a minute carries up to this many; a larger backlog goes over the next minutes. */
export const BATCH = 100;

export type SendOutcome = "idle" | "busy" | "sent" | "failed";

type OutboxRow = { key: string; payload: string };

const unsent = (db: Store, kind: AlertKind) =>
  db.all<OutboxRow>("SELECT key, payload FROM alert_outbox WHERE kind = ? AND sent_at IS NULL ORDER BY created_at, key LIMIT ?", [
    kind,
    BATCH,
  ]);

async function markSent(db: Store, kind: AlertKind, keys: string[], at: number): Promise<void> {
  if (keys.length === 0) return;
  await db.run(`UPDATE alert_outbox SET sent_at = ? WHERE kind = ? AND sent_at IS NULL AND key IN (${placeholders(keys.length)})`, [
    at,
    kind,
    ...keys,
  ]);
}

/**
 * Sends what is waiting of one kind in one request, at most once a minute per deployment: only the holder of
 * the kind's lease sends, and the lease is taken with a holder unique to this attempt and never renewed or
 * released, so nobody, this instance included, takes it again before the minute is over. Rows are marked sent
 * only after a 2xx; what failed stays for the next minute's holder.
 */
export async function sendDue(
  db: Store,
  kind: AlertKind,
  config: AlertsConfig,
  now: () => number,
  options: DeliveryOptions,
): Promise<SendOutcome> {
  // A cheap look first, so that a quiet minute does not use up the lease before an alert arrives.
  if ((await unsent(db, kind)).length === 0) return "idle";
  if (!(await takeLease(db, `alerts.${kind}`, randomUUID(), MINUTE_MS, now()))) return "busy";
  // Read again under the lease: the previous holder may have sent them since the first look.
  let rows = await unsent(db, kind);
  if (kind === "stale") {
    // Decided while its alert waited for the minute: nobody needs to hear of it any more.
    const waiting = await stillPending(
      db,
      rows.map((r) => r.key),
    );
    await markSent(
      db,
      kind,
      rows.filter((r) => !waiting.has(r.key)).map((r) => r.key),
      now(),
    );
    rows = rows.filter((r) => waiting.has(r.key));
  }
  if (rows.length === 0) return "idle";
  const at = new Date(now());
  const body = alertBody(
    kind,
    rows.map((r) => JSON.parse(r.payload) as StaleItem | BurstItem),
    config,
    at,
  );
  const result = await deliver(body, config, options);
  if (result.ok) {
    await markSent(
      db,
      kind,
      rows.map((r) => r.key),
      now(),
    );
    await recordAlertOk(db, new Date(now()));
    log("info", "alert sent", { kind, items: rows.length });
    return "sent";
  }
  await recordAlertError(db, `${at.toISOString()}: ${kind} alert not delivered: ${result.error}`);
  log("warn", "alert not delivered", { kind, items: rows.length, error: result.error });
  return "failed";
}
