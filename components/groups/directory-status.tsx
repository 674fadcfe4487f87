"use client";
import { Button } from "@/components/ui/button";
import { useDirectoryStatus, useRecrawl } from "@/lib/client/groups";
import { formatAge } from "./labels";

/** When the directory last saw every group, and (for admins) a way to crawl again; progress while it runs. */
export function DirectoryStatus({ canRecrawl }: { canRecrawl: boolean }) {
  const status = useDirectoryStatus();
  const recrawl = useRecrawl();
  const s = status.data;
  if (!s) return null;
  return (
    <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600" aria-live="polite">
      {s.running ? (
        <span>
          Crawling the IM server… {s.seen.toLocaleString("en")}
          {s.total !== null ? ` of ${s.total.toLocaleString("en")}` : ""} groups
          {s.total ? <progress className="ml-2 h-2 w-32 align-middle" max={s.total} value={s.seen} aria-label="Crawl progress" /> : null}
        </span>
      ) : (
        <span>
          {s.lastFullCrawlAt ? (
            <>
              Directory last fully crawled <time dateTime={s.lastFullCrawlAt}>{formatAge(s.lastFullCrawlAt)}</time>; kept current by webhooks since.
            </>
          ) : (
            "The directory has not completed a crawl yet."
          )}
          {s.error && <span className="ml-2 text-red-700">Last crawl failed: {s.error}</span>}
        </span>
      )}
      {canRecrawl && !s.running && (
        <Button variant="ghost" className="text-xs" onClick={() => recrawl.mutate()} disabled={recrawl.isPending}>
          Crawl again
        </Button>
      )}
    </div>
  );
}
