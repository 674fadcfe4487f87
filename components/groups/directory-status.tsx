"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Age } from "@/components/ui/age";
import { Button } from "@/components/ui/button";
import { useDirectoryStatus, useRecrawl } from "@/lib/client/groups";

/** When the directory last saw every group, and (for admins) a way to crawl again; progress while it runs. */
export function DirectoryStatus({ canRecrawl }: { canRecrawl: boolean }) {
  const t = useTranslations("Groups");
  const format = useFormatter();
  const status = useDirectoryStatus();
  const recrawl = useRecrawl();
  const s = status.data;
  if (!s) return null;
  return (
    <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
      {s.running ? (
        <span>
          {t("crawling", { seen: format.number(s.seen), total: s.total === null ? "unknown" : format.number(s.total) })}
          {s.total ? (
            <progress className="ml-2 h-2 w-32 align-middle" max={s.total} value={s.seen} aria-label={t("crawlProgress")} />
          ) : null}
          {s.resumed ? <span className="ml-2">{t("crawlResumed")}</span> : null}
        </span>
      ) : (
        <span>
          {s.lastFullCrawlAt ? t.rich("lastCrawl", { age: () => <Age iso={s.lastFullCrawlAt!} /> }) : t("neverCrawled")}
          {s.error && <span className="ml-2 text-red-700 dark:text-red-300">{t("crawlFailed", { error: s.error })}</span>}
        </span>
      )}
      {canRecrawl && !s.running && (
        <Button variant="ghost" className="text-xs" onClick={() => recrawl.mutate()} disabled={recrawl.isPending}>
          {t("crawlAgain")}
        </Button>
      )}
    </div>
  );
}
