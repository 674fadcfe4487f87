import "server-only";
import type { ImCapabilities } from "@/lib/im/gateway";
import { readAlertStatus, type AlertStatus } from "@/lib/server/alerts/status";
import { getContext } from "@/lib/server/platform/context";
import { crawlStatus } from "@/lib/server/directory";
import { getEnv } from "@/lib/server/platform/env";
import { recentResult } from "@/lib/server/platform/recent-result";

/**
 * What anyone may learn, signed in or not: whether each side answers, when the directory was last filled, and
 * how the last outbound alert went (null and null while alerts are off or none was sent).
 */
export type Health = {
  status: "ok" | "degraded";
  im: { ok: boolean; latencyMs: number | null };
  store: { ok: boolean };
  directory: { lastFullCrawlAt: string | null; crawling: boolean };
  alerts: AlertStatus;
};

/**
 * What an admin may learn besides: `extensions`, what the IM server offers beyond Tencent's API (null until
 * known, e.g. while it is down). It tells the local IM server from Tencent: configuration, not health.
 */
export type HealthDetails = Omit<Health, "im"> & { im: Health["im"] & { extensions: ImCapabilities | null } };

/**
 * Probes, balancers and strangers may ask as often as they like: they all get a check at most this old, so
 * the IM server hears one account check per instance per 2 s (out of Tencent's 200/s), whoever asks.
 */
const MAX_AGE_MS = 2_000;

/** A cheap read on each side: an account check of the admin (not the 1/s group listing), one row from the store. */
async function checkNow(): Promise<HealthDetails> {
  let im: HealthDetails["im"] = { ok: false, latencyMs: null, extensions: null };
  let store = { ok: false };
  let directory: Health["directory"] = { lastFullCrawlAt: null, crawling: false };
  let alerts: AlertStatus = { lastOkAt: null, lastError: null };
  try {
    const { db, im: gateway } = getContext();
    try {
      const crawl = await crawlStatus(db);
      directory = { lastFullCrawlAt: crawl.lastFullCrawlAt, crawling: crawl.running };
      store = { ok: true };
      // Kept in the store by whichever instance sent, so every instance tells the same.
      if (getEnv().alerts) alerts = await readAlertStatus(db);
    } catch {
      /* reported below */
    }
    const started = performance.now();
    try {
      await gateway.send("im_open_login_svc/account_check", { CheckItem: [{ UserID: getEnv().im.adminId }] });
      const latencyMs = Math.round(performance.now() - started);
      im = { ok: true, latencyMs, extensions: await gateway.capabilities().catch(() => null) };
    } catch {
      /* reported below */
    }
  } catch {
    /* configuration missing: both stay false */
  }
  return { status: im.ok && store.ok ? "ok" : "degraded", im, store, directory, alerts };
}

// The health and readiness routes are separate bundles of one process: they must share one recent check.
const holder = globalThis as typeof globalThis & { __recentHealth?: () => Promise<HealthDetails> };

/** The health of this instance with its IM server's extensions, for admins; from a check at most 2 s old. */
export function checkHealthDetails(): Promise<HealthDetails> {
  return (holder.__recentHealth ??= recentResult(checkNow, MAX_AGE_MS))();
}

/** The health of this instance as anyone may see it; from a check at most 2 s old. */
export async function checkHealth(): Promise<Health> {
  const { status, im, store, directory, alerts } = await checkHealthDetails();
  // Field by field, so that nothing added to the details ever reaches an anonymous caller by accident.
  return {
    status,
    im: { ok: im.ok, latencyMs: im.latencyMs },
    store: { ok: store.ok },
    directory: { lastFullCrawlAt: directory.lastFullCrawlAt, crawling: directory.crawling },
    alerts: { lastOkAt: alerts.lastOkAt, lastError: alerts.lastError },
  };
}
