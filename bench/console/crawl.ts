// How long the console's first directory crawl of the seeded IM server takes: from its first group listing
// at the IM server (the request log) to the crawl's completion time as the console records it.
import type { ConsoleSession } from "../lib/console-session";
import { readRequestLog } from "../lib/request-log";

type CrawlStatus = { running: boolean; seen: number; total: number | null; lastFullCrawlAt: string | null; error: string | null };

export async function timeFirstCrawl(session: ConsoleSession, requestLog: string, timeoutSeconds = 900) {
  const end = Date.now() + timeoutSeconds * 1000;
  let status: CrawlStatus;
  for (;;) {
    status = await session.get<CrawlStatus>("/api/directory");
    if (status.lastFullCrawlAt) break;
    if (Date.now() > end)
      throw new Error(`the first crawl did not finish within ${timeoutSeconds} s (${status.seen} of ${status.total} groups)`);
    const line = `  crawling: ${status.seen} of ${status.total ?? "?"} groups${status.error ? ` (${status.error})` : ""}`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}   `);
    await new Promise((r) => setTimeout(r, 2000));
  }
  if (process.stdout.isTTY) process.stdout.write("\n");
  const listing = readRequestLog(requestLog).filter((r) => r.command === "group_open_http_svc/get_appid_group_list");
  const started = listing[0]?.at ?? NaN;
  return { seconds: (Date.parse(status.lastFullCrawlAt) - started) / 1000, groups: status.seen, listingCalls: listing.length };
}
