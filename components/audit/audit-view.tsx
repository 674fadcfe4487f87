"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { Pager } from "@/components/groups/pager";
import { ErrorPanel } from "@/components/ui/error-panel";
import { auditCsvHref, useAudit } from "@/lib/client/audit";
import { auditFiltersFromSearch, searchFromAuditFilters } from "@/lib/client/audit-filters";
import type { AuditListFilters } from "@/lib/client/query-keys";
import { AuditTable } from "./audit-table";
import { AuditToolbar } from "./audit-toolbar";

/** Who did what, newest first; the filters live in the URL so a view can be shared and reloaded. */
export function AuditView() {
  const router = useRouter();
  const pathname = usePathname();
  const filters = auditFiltersFromSearch(Object.fromEntries(useSearchParams()));
  const audit = useAudit(filters);
  const t = useTranslations("Audit");
  const common = useTranslations("Common");
  // Cursors of the pages before this one, so "Previous" can go back without the server keeping state.
  const [history, setHistory] = useState<string[]>([]);

  const navigate = useCallback(
    (next: AuditListFilters) => router.push(`${pathname}${searchFromAuditFilters(next)}`, { scroll: false }),
    [router, pathname],
  );
  const changeFilters = (next: AuditListFilters) => {
    setHistory([]);
    navigate({ ...next, cursor: undefined });
  };

  return (
    <section aria-labelledby="audit-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 id="audit-heading" className="text-2xl font-semibold">
            {t("title")}
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            {/* A failed list has no count; the panel below says why. */}
            {audit.data ? t("count", { count: audit.data.total }) : audit.isError ? null : common("loading")}
          </p>
        </div>
        <a
          href={auditCsvHref(filters)}
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          {t("export")}
        </a>
      </div>
      <AuditToolbar filters={filters} onChange={changeFilters} />
      {audit.isError ? (
        <ErrorPanel error={audit.error} onRetry={() => audit.refetch()} />
      ) : (
        <AuditTable entries={audit.data?.items} loading={audit.isPending} />
      )}
      <Pager
        hasPrevious={history.length > 0}
        hasNext={Boolean(audit.data?.nextCursor)}
        busy={audit.isFetching}
        onPrevious={() => {
          setHistory(history.slice(0, -1));
          navigate({ ...filters, cursor: history[history.length - 1] || undefined });
        }}
        onNext={() => {
          setHistory([...history, filters.cursor ?? ""]);
          navigate({ ...filters, cursor: audit.data?.nextCursor ?? undefined });
        }}
      />
    </section>
  );
}
