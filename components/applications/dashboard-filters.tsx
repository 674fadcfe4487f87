"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { ApplicationListFilters } from "@/lib/client/query-keys";

/**
 * The filters only the dashboard's links set (a moderator's decisions, a range of UTC days), said in words
 * beside the queue's own filters, with a way back to the whole queue of that status.
 */
export function DashboardFilters({ filters, onClear }: { filters: ApplicationListFilters; onClear: () => void }) {
  const t = useTranslations("Dashboard.queueFilter");
  const format = useFormatter();
  const { handledBy, since, until } = filters;
  if (!handledBy && !since && !until) return null;
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const days =
    since && since === until
      ? t("day", { day: day(since) })
      : since || until
        ? t("range", { since: since ? day(since) : "…", until: until ? day(until) : "…" })
        : null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">{t("label")}:</span>
      {handledBy && (
        <span className="rounded bg-slate-100 px-2 py-0.5 [overflow-wrap:anywhere] dark:bg-slate-800">
          {t("handledBy", { who: handledBy })}
        </span>
      )}
      {days && <span className="rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800">{days}</span>}
      <button
        type="button"
        onClick={onClear}
        className="text-indigo-700 underline decoration-dotted underline-offset-2 hover:decoration-solid dark:text-indigo-300"
      >
        {t("clear")}
      </button>
    </div>
  );
}
