import "server-only";
import { getContext } from "./context";
import { crawlStatus } from "./directory";
import { getEnv } from "./env";

export type Health = {
  status: "ok" | "degraded";
  /** `extensions`: what the IM server offers beyond Tencent's API; null until known (e.g. while it is down). */
  im: { ok: boolean; latencyMs: number | null; extensions: { applications: boolean } | null };
  store: { ok: boolean };
  directory: { lastFullCrawlAt: string | null; crawling: boolean };
};

/** A cheap read on each side: an account check of the admin (not the 1/s group listing), one row from the store. */
export async function checkHealth(): Promise<Health> {
  let im: Health["im"] = { ok: false, latencyMs: null, extensions: null };
  let store = { ok: false };
  let directory: Health["directory"] = { lastFullCrawlAt: null, crawling: false };
  try {
    const { db, im: gateway } = getContext();
    try {
      const crawl = await crawlStatus(db);
      directory = { lastFullCrawlAt: crawl.lastFullCrawlAt, crawling: crawl.running };
      store = { ok: true };
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
  return { status: im.ok && store.ok ? "ok" : "degraded", im, store, directory };
}
