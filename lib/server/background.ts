import "server-only";
import { getContext } from "./context";
import { crawlDirectory } from "./directory";

const RECONCILE_EVERY_MS = 10 * 60 * 1000;

/** Work a console process does on its own: fill the directory at start, then reconcile it periodically. */
export function startBackgroundWork() {
  const crawl = () => {
    const { db, im } = getContext();
    crawlDirectory(db, im).catch((err) => console.error("directory crawl failed:", err instanceof Error ? err.message : err));
  };
  crawl();
  setInterval(crawl, RECONCILE_EVERY_MS).unref();
}
