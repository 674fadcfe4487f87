"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { DownloadLink } from "@/components/ui/download-link";
import { groupsCsvHref, useGroups } from "@/lib/client/groups";
import { groupFiltersFromSearch, searchFromGroupFilters, type GroupListFilters } from "@/lib/client/query-keys";
import { CreateGroupDialog } from "./create-group-dialog";
import { DirectoryStatus } from "./directory-status";
import { GroupsTable } from "./groups-table";
import { GroupsToolbar } from "./groups-toolbar";
import { Pager } from "./pager";

/** The groups list: filters live in the URL so a view can be shared and reloaded. */
export function GroupsView({ canCreate }: { canCreate: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = groupFiltersFromSearch(Object.fromEntries(searchParams));
  const groups = useGroups(filters);
  const t = useTranslations("Groups");
  const types = useTranslations("GroupTypes");
  const common = useTranslations("Common");
  const type = filters.type && types.has(`name.${filters.type}`) ? filters.type : null;
  // Cursors of the pages before this one, so "Previous" can go back without the server keeping state.
  const [history, setHistory] = useState<string[]>([]);

  const navigate = useCallback(
    (next: GroupListFilters) => router.push(`${pathname}${searchFromGroupFilters(next)}`, { scroll: false }),
    [router, pathname],
  );
  const changeFilters = useCallback(
    (next: GroupListFilters) => {
      setHistory([]);
      navigate({ ...next, cursor: undefined });
    },
    [navigate],
  );

  return (
    <section aria-labelledby="groups-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 id="groups-heading" className="text-2xl font-semibold">
            {t("title")}
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            {/* A failed list has no count; the panel below says why. */}
            {groups.data
              ? t("count", { count: groups.data.total, type: type ?? "all", typeName: type ? types(`name.${type}`) : "" })
              : groups.isError
                ? null
                : common("loading")}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {/* Every group these filters match, not only this page. */}
          <DownloadLink href={groupsCsvHref(filters)}>{t("export")}</DownloadLink>
          {canCreate && <CreateGroupDialog onCreated={() => changeFilters({ type: filters.type })} />}
        </div>
      </div>
      <GroupsToolbar filters={filters} onChange={changeFilters} />
      {groups.isError ? (
        <ErrorPanel error={groups.error} onRetry={() => groups.refetch()} />
      ) : (
        <GroupsTable groups={groups.data?.items} loading={groups.isPending} />
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <DirectoryStatus canRecrawl={canCreate} />
        <Pager
          hasPrevious={history.length > 0}
          hasNext={Boolean(groups.data?.nextCursor)}
          busy={groups.isFetching}
          onPrevious={() => {
            setHistory(history.slice(0, -1));
            navigate({ ...filters, cursor: history[history.length - 1] || undefined });
          }}
          onNext={() => {
            setHistory([...history, filters.cursor ?? ""]);
            navigate({ ...filters, cursor: groups.data?.nextCursor ?? undefined });
          }}
        />
      </div>
    </section>
  );
}
