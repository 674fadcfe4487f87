import "server-only";
import { getContext } from "./context";
import { settleUnfinishedAudit } from "./audit-settle";
import { crawlDirectory } from "./directory";
import { getEnv } from "./env";
import { getBus } from "./live/bus";
import { relayOverPostgres, type Relay } from "./live/postgres-relay";
import { log } from "./log";

const RECONCILE_EVERY_MS = 10 * 60 * 1000;
/** A crawl that failed (IM server down at start) is tried again soon, resuming from its saved cursor. */
const RETRY_AFTER_FAILURE_MS = 30 * 1000;

const holder = globalThis as typeof globalThis & { __liveRelay?: Relay };

/**
 * Work a console process does on its own: relay live events to the other instances (PostgreSQL), settle
 * what a crash left half-done, fill the directory at start, then reconcile both periodically.
 */
export function startBackgroundWork() {
  const env = getEnv();
  const { db, im } = getContext();
  if (env.databaseUrl && !holder.__liveRelay) holder.__liveRelay = relayOverPostgres(getBus(), env.databaseUrl);

  let retry: NodeJS.Timeout | undefined;
  const crawl = (): Promise<void> =>
    crawlDirectory(db, im).catch((err) => {
      log("error", "directory crawl failed", { error: err });
      clearTimeout(retry);
      retry = setTimeout(crawl, RETRY_AFTER_FAILURE_MS).unref();
    });

  // An intent younger than this may be a request still running on another instance (an IM call is given
  // timeoutMs, and a bulk chunk a few of them); it is settled at a later pass.
  const settleAfterMs = 3 * env.im.timeoutMs;
  const settle = (): Promise<void> =>
    settleUnfinishedAudit(db, im, { olderThanMs: settleAfterMs })
      .then(({ younger }) => {
        if (younger > 0) setTimeout(settle, settleAfterMs).unref();
      })
      .catch((err) => log("error", "audit settlement failed", { error: err }));

  // Settle before anything else, so the audit log agrees with the IM server.
  void settle().finally(crawl);
  setInterval(() => void settle().finally(crawl), RECONCILE_EVERY_MS).unref();
}

