"use client";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useState, useTransition, type ReactNode } from "react";
import { searchFromGroupFilters, type GroupListFilters } from "@/lib/client/query-keys";
import { GroupsToolbar } from "./groups-toolbar";
import { Pager } from "./pager";

/**
 * The list's controls around the table the server drew: search, filters, sort and paging are navigations, and
 * the table says it is busy until the server's next page arrives.
 */
export function GroupsBrowser({
  filters,
  nextCursor,
  status,
  children,
}: {
  filters: GroupListFilters;
  nextCursor: string | null;
  status: ReactNode;
  children: ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [busy, startTransition] = useTransition();
  // Cursors of the pages before this one, so "Previous" can go back without the server keeping state.
  const [history, setHistory] = useState<string[]>([]);
  // Arriving on a first page (a new filter, a group just created, the back button): nothing is before it. Only on
  // arrival: while "Next" is on its way, this is still the old page, and its history must stay.
  const [shownCursor, setShownCursor] = useState(filters.cursor);
  if (filters.cursor !== shownCursor) {
    setShownCursor(filters.cursor);
    if (!filters.cursor) setHistory([]);
  }

  const navigate = useCallback(
    (next: GroupListFilters) => startTransition(() => router.push(`${pathname}${searchFromGroupFilters(next)}`, { scroll: false })),
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
    <>
      <GroupsToolbar filters={filters} onChange={changeFilters} />
      <div aria-busy={busy} className={busy ? "opacity-70 transition-opacity" : undefined}>
        {children}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        {status}
        <Pager
          hasPrevious={history.length > 0}
          hasNext={Boolean(nextCursor)}
          busy={busy}
          onPrevious={() => {
            setHistory(history.slice(0, -1));
            navigate({ ...filters, cursor: history[history.length - 1] || undefined });
          }}
          onNext={() => {
            setHistory([...history, filters.cursor ?? ""]);
            navigate({ ...filters, cursor: nextCursor ?? undefined });
          }}
        />
      </div>
    </>
  );
}
