import "server-only";
import { getContext } from "./context";
import { settleUnfinishedAudit } from "./audit-settle";
import { crawlDirectory } from "./directory";
import { log } from "./log";

const RECONCILE_EVERY_MS = 10 * 60 * 1000;
/** A crawl that failed (IM server down at start) is tried again soon, resuming from its saved cursor. */
const RETRY_AFTER_FAILURE_MS = 30 * 1000;

/** Work a console process does on its own: fill the directory at start, then reconcile it periodically. */
export function startBackgroundWork() {
  const { db, im } = getContext();
  let retry: NodeJS.Timeout | undefined;
  const crawl = (): Promise<void> =>
    crawlDirectory(db, im).catch((err) => {
      log("error", "directory crawl failed", { error: err });
      clearTimeout(retry);
      retry = setTimeout(crawl, RETRY_AFTER_FAILURE_MS).unref();
    });
  // Settle what a crash left half-done before anything else, so the audit log agrees with the IM server.
  void settleUnfinishedAudit(db, im)
    .catch((err) => log("error", "audit settlement failed", { error: err }))
    .finally(crawl);
  setInterval(crawl, RECONCILE_EVERY_MS).unref();
}
