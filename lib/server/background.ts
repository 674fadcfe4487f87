import "server-only";
import { startAlerts } from "@/lib/server/alerts/alerts";
import { leaveDemoNotes } from "@/lib/server/app-users/demo-notes";
import { writeDemoRules } from "@/lib/server/rules/demo-rules";
import { crawlDirectoryAndCount } from "@/lib/server/applications/pending-counts";
import { applicationSettleProbe } from "@/lib/server/applications/settle-probe";
import { settleDue } from "@/lib/server/audit/settle";
import { CRAWL_LEASE_MS } from "@/lib/server/directory";
import { startDismissalRunner } from "@/lib/server/groups/dismissal";
import { groupSettleProbe } from "@/lib/server/groups/settle-probe";
import { moderationSettleProbe } from "@/lib/server/groups/moderation-settle-probe";
import { startJobRunner } from "@/lib/server/jobs/runner";
import { getBus } from "@/lib/server/live/bus";
import { relayOverPostgres, type Relay } from "@/lib/server/live/postgres-relay";
import { getContext } from "@/lib/server/platform/context";
import { getEnv } from "@/lib/server/platform/env";
import { log } from "@/lib/server/platform/log";

const RECONCILE_EVERY_MS = 10 * 60 * 1000;
/** A crawl that failed (IM server down at start) is tried again soon, resuming from its saved cursor. */
const RETRY_AFTER_FAILURE_MS = 30 * 1000;
/** Writes whose answer never came are settled while the process lives, not only at the next start. */
const SETTLE_EVERY_MS = 30 * 1000;

const holder = globalThis as typeof globalThis & { __liveRelay?: Relay };

/**
 * The composition root: the one place that knows every feature, and wires the work a console process does on
 * its own: relay live events to the other instances (PostgreSQL), settle
 * what a crash or an unanswered write left half-done, fill the directory at start, then reconcile periodically.
 */
export function startBackgroundWork() {
  const env = getEnv();
  const { db, im } = getContext();
  if (env.databaseUrl && !holder.__liveRelay) holder.__liveRelay = relayOverPostgres(getBus(), env.databaseUrl);

  let retry: NodeJS.Timeout | undefined;
  const later = (ms: number) => {
    clearTimeout(retry);
    retry = setTimeout(crawl, ms).unref();
  };
  const crawl = (): Promise<void> =>
    crawlDirectoryAndCount(db, im).then(
      // Another instance holds the crawl; should it have died, its lease lapses and this one takes over.
      async (crawled) => {
        if (!crawled) return later(CRAWL_LEASE_MS);
        // After the first crawl the applications model holds the demo's history: notes can find their applicants.
        if (env.demo) await leaveDemoNotes(db, env.admin.email).catch((err: unknown) => log("warn", "demo notes not left", { error: err }));
        if (env.demo)
          await writeDemoRules(db, env.admin.email).catch((err: unknown) => log("warn", "demo rules not written", { error: err }));
      },
      (err) => {
        log("error", "directory crawl failed", { error: err });
        later(RETRY_AFTER_FAILURE_MS);
      },
    );

  // Intents left without a result: by a crash, or by a write whose answer never came (settleDue says which
  // are due when). Settled at start, then every half minute while the process lives.
  const startedAt = Date.now();
  const probes = [groupSettleProbe(im), moderationSettleProbe(im), applicationSettleProbe(db, im)];
  const shared = db.dialect === "postgres";
  let settling = false;
  const settle = async (): Promise<void> => {
    if (settling) return;
    settling = true;
    try {
      await settleDue(db, probes, { shared, startedAt, imTimeoutMs: env.im.timeoutMs });
    } catch (err) {
      log("error", "audit settlement failed", { error: err });
    } finally {
      settling = false;
    }
  };

  // Settle before anything else, so the audit log agrees with the IM server; then resume jobs a restart cut short.
  void settle().finally(() => {
    startJobRunner();
    startDismissalRunner();
    return crawl();
  });
  setInterval(() => void settle(), SETTLE_EVERY_MS).unref();
  setInterval(() => void crawl(), RECONCILE_EVERY_MS).unref();

  // Outbound alerts (docs/alerts.md), when a webhook is configured: every instance detects, one sends a minute.
  if (env.alerts) startAlerts(db, env.alerts);
}
