"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { useGroups } from "@/lib/client/groups";
import { groupFiltersFromSearch } from "@/lib/client/query-keys";
import { CreateGroupDialog } from "./create-group-dialog";
import { GroupsTable } from "./groups-table";
import { Pager } from "./pager";
import { TypeFilter } from "./type-filter";

/** The groups list: filters live in the URL so a view can be shared and reloaded. */
export function GroupsView({ canCreate }: { canCreate: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = groupFiltersFromSearch(Object.fromEntries(searchParams));
  const groups = useGroups(filters);
  // Cursors of the pages before this one, so "Previous" can go back without the server keeping state.
  const [history, setHistory] = useState<string[]>([]);

  function navigate(next: { type?: string; cursor?: string }) {
    const params = new URLSearchParams();
    if (next.type) params.set("type", next.type);
    if (next.cursor) params.set("cursor", next.cursor);
    const qs = params.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  return (
    <section aria-labelledby="groups-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="groups-heading" className="text-2xl font-semibold">
            Groups
          </h1>
          <p className="text-sm text-slate-600" aria-live="polite">
            {groups.data ? `${groups.data.total.toLocaleString("en")} ${filters.type ? `${filters.type} ` : ""}groups` : "Loading…"}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <TypeFilter
            value={filters.type}
            onChange={(type) => {
              setHistory([]);
              navigate({ type });
            }}
          />
          {canCreate && <CreateGroupDialog onCreated={() => { setHistory([]); navigate({ type: filters.type }); }} />}
        </div>
      </div>
      {groups.isError ? (
        <ErrorPanel error={groups.error} onRetry={() => groups.refetch()} />
      ) : (
        <GroupsTable groups={groups.data?.items} loading={groups.isPending} />
      )}
      <Pager
        hasPrevious={history.length > 0}
        hasNext={Boolean(groups.data?.nextCursor)}
        busy={groups.isFetching}
        onPrevious={() => {
          const previous = history.slice(0, -1);
          const cursor = history[history.length - 1];
          setHistory(previous);
          navigate({ type: filters.type, cursor: cursor || undefined });
        }}
        onNext={() => {
          setHistory([...history, filters.cursor ?? ""]);
          navigate({ type: filters.type, cursor: groups.data?.nextCursor ?? undefined });
        }}
      />
    </section>
  );
}
