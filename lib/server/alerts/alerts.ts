import "server-only";
import type { AlertsConfig } from "@/lib/server/platform/env";
import { log } from "@/lib/server/platform/log";
import type { Store } from "@/lib/server/store/store";
import { detectBursts, detectStale, pruneSent } from "./detect";
import { DEFAULT_DELIVERY, type DeliveryOptions } from "./deliver";
import { sendDue, type SendOutcome } from "./send";

/** Every instance looks this often: a burst is reported within a quarter minute of crossing the line, give or take the minute's batch. */
export const DETECT_EVERY_MS = 15_000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export type AlertRunnerOptions = Partial<DeliveryOptions> & { now?: () => number };
export type AlertRound = { stale: SendOutcome; burst: SendOutcome };

/**
 * Outbound alerts (docs/alerts.md): each round detects stale applications and bursts from the applications
 * model into the outbox (once across instances, by key), then sends what waits of each kind when this instance
 * holds that kind's minute. Every instance runs one; the outbox and the leases make them one deployment.
 */
export function createAlertRunner(db: Store, config: AlertsConfig, options: AlertRunnerOptions = {}) {
  const now = options.now ?? Date.now;
  const delivery: DeliveryOptions = {
    fetch: options.fetch ?? fetch,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    backoffMs: options.backoffMs ?? DEFAULT_DELIVERY.backoffMs,
    timeoutMs: options.timeoutMs ?? DEFAULT_DELIVERY.timeoutMs,
  };
  let prunedAt = 0;
  const send = (kind: "stale" | "burst") =>
    sendDue(db, kind, config, now, delivery).catch((err: unknown): SendOutcome => {
      log("error", "alerts not sent", { kind, error: err });
      return "failed";
    });

  return {
    async round(): Promise<AlertRound> {
      try {
        await detectStale(db, config.staleMinutes, now());
        await detectBursts(db, config.burstPerMinute, now());
      } catch (err) {
        log("error", "alert detection failed", { error: err });
      }
      const [stale, burst] = await Promise.all([send("stale"), send("burst")]);
      if (now() - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = now();
        await pruneSent(db, now()).catch((err: unknown) => log("warn", "alert outbox not pruned", { error: err }));
      }
      return { stale, burst };
    },
  };
}

/** Runs the rounds while the process lives; a round still going when the next is due is not doubled. */
export function startAlerts(db: Store, config: AlertsConfig): void {
  const runner = createAlertRunner(db, config);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runner.round();
    } finally {
      running = false;
    }
  };
  void tick();
  setInterval(() => void tick(), DETECT_EVERY_MS).unref();
}
