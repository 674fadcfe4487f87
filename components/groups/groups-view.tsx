import { useTranslations } from "next-intl";
import { DownloadLink } from "@/components/ui/download-link";
import { searchFromGroupFilters, type GroupListFilters } from "@/lib/client/query-keys";
import type { Group } from "@/lib/schemas/group";
import type { Page } from "@/lib/schemas/page";
import { CreateGroupButton } from "./create-group-button";
import { DirectoryStatus } from "./directory-status";
import { GroupsBrowser } from "./groups-browser";
import { GroupsError, type ErrorBody } from "./groups-error";
import { GroupsLive } from "./groups-live";
import { GroupsTable } from "./groups-table";

/**
 * The groups list, drawn on the server: filters live in the URL (a view can be shared and reloaded), and each
 * change is a navigation the server answers with the new page. Only the controls, the crawl line and the live
 * refresh run in the browser (docs/front-end.md § What loads when).
 */
export function GroupsView({
  filters,
  list,
  error,
  canCreate,
}: {
  filters: GroupListFilters;
  list: Page<Group> | null;
  error: ErrorBody | null;
  canCreate: boolean;
}) {
  const t = useTranslations("Groups");
  const types = useTranslations("GroupTypes");
  const type = filters.type && types.has(`name.${filters.type}`) ? filters.type : null;
  return (
    <section aria-labelledby="groups-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 id="groups-heading" className="text-2xl font-semibold">
            {t("title")}
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            {/* A failed list has no count; the panel below says why. */}
            {list
              ? t(list.totalExact === false ? "countAtLeast" : "count", {
                  count: list.total,
                  type: type ?? "all",
                  typeName: type ? types(`name.${type}`) : "",
                })
              : null}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {/* Every group these filters match, not only this page. */}
          <DownloadLink href={`/api/groups.csv${searchFromGroupFilters({ ...filters, cursor: undefined })}`}>{t("export")}</DownloadLink>
          {canCreate && <CreateGroupButton type={filters.type} />}
        </div>
      </div>
      <GroupsBrowser filters={filters} nextCursor={list?.nextCursor ?? null} status={<DirectoryStatus canRecrawl={canCreate} />}>
        {error ? <GroupsError error={error} /> : <GroupsTable groups={list?.items} loading={false} />}
      </GroupsBrowser>
      <GroupsLive />
    </section>
  );
}
