import "server-only";
import { getContext } from "./context";
import { settleUnfinishedAudit } from "./audit-settle";
import { crawlDirectory } from "./directory";
import { CRAWL_LEASE_MS } from "./directory/crawl";
import { getEnv } from "./env";
import { getBus } from "./live/bus";
import { relayOverPostgres, type Relay } from "./live/postgres-relay";
import { log } from "./log";

const RECONCILE_EVERY_MS = 10 * 60 * 1000;
/** A crawl that failed (IM server down at start) is tried again soon, resuming from its saved cursor. */
const RETRY_AFTER_FAILURE_MS = 30 * 1000;
/** No audited request runs this long (IM calls time out after seconds), so its intent was left by a crash. */
const SETTLE_SHARED_AFTER_MS = 5 * 60 * 1000;

const holder = globalThis as typeof globalThis & { __liveRelay?: Relay };

/**
 * Work a console process does on its own: relay live events to the other instances (PostgreSQL), settle
 * what a crash left half-done, fill the directory at start, then reconcile periodically.
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
    crawlDirectory(db, im).then(
      // Another instance holds the crawl; should it have died, its lease lapses and this one takes over.
      (crawled) => void (crawled || later(CRAWL_LEASE_MS)),
      (err) => {
        log("error", "directory crawl failed", { error: err });
        later(RETRY_AFTER_FAILURE_MS);
      },
    );

  // Intents left without a result. With SQLite only this process uses the store, so everything written before
  // it started was left by a crash: settled once, at start. With PostgreSQL another instance may still be
  // running the request: only intents older than any request can take (IM calls time out, reads retry, a bulk
  // chunk waits its turn) are settled, at start and at every reconcile.
  const startedAt = Date.now();
  const shared = db.dialect === "postgres";
  let settling = false;
  const settle = async (): Promise<void> => {
    if (settling) return;
    settling = true;
    try {
      await settleUnfinishedAudit(db, im, { olderThanMs: shared ? SETTLE_SHARED_AFTER_MS : Date.now() - startedAt });
    } catch (err) {
      log("error", "audit settlement failed", { error: err });
    } finally {
      settling = false;
    }
  };

  // Settle before anything else, so the audit log agrees with the IM server.
  void settle().finally(crawl);
  setInterval(() => void (shared ? settle() : Promise.resolve()).finally(crawl), RECONCILE_EVERY_MS).unref();
}
