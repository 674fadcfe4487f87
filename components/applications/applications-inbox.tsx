"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { applicationFiltersFromSearch, searchFromApplicationFilters, type ApplicationListFilters } from "@/lib/client/query-keys";
import { ActiveJobs } from "@/components/jobs/active-jobs";
import { ApplicationsList } from "./applications-list";
import { QueueFilters } from "./queue-filters";
import { SavedViews } from "./saved-views";
import { StatusLine, type Said } from "./status-line";

// The order the moderator last chose is kept in this browser, so the longest-waiting stay on top for them.
const SORT_KEPT = "console.inbox.sort";

/** The queue across all groups: search, filters and saved views; every filter lives in the URL. */
export function ApplicationsInbox({ canModerate, canEdit }: { canModerate: boolean; canEdit: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const filters = applicationFiltersFromSearch(Object.fromEntries(useSearchParams()));
  const t = useTranslations("Applications");
  const [said, setSaid] = useState<Said | null>(null);
  const say = (text: string, error = false) => setSaid((prev) => ({ text, error, at: (prev?.at ?? 0) + 1 }));

  function go(next: ApplicationListFilters, how?: "replace") {
    const qs = searchFromApplicationFilters(next);
    const to = qs ? `${pathname}?${qs}` : pathname;
    if (how === "replace") router.replace(to, { scroll: false });
    else router.push(to, { scroll: false });
  }

  function chooseSort(sort: "newest" | "oldest") {
    localStorage.setItem(SORT_KEPT, sort);
    go({ ...filters, sort: sort === "oldest" ? "oldest" : undefined });
  }

  // A URL without an order takes the kept one; a URL that names one wins (a shared link means what it says).
  const urlSort = filters.sort;
  useEffect(() => {
    if (!urlSort && localStorage.getItem(SORT_KEPT) === "oldest") go({ ...filters, sort: "oldest" }, "replace");
    // Only on arrival and when the URL loses its order, not on every filter change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlSort]);

  return (
    <section aria-labelledby="applications-heading" className="flex flex-col gap-4">
      <div>
        <h1 id="applications-heading" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("intro")} {canModerate ? t("keysHint") : t("viewOnly")}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <SavedViews filters={filters} onSaid={say} />
        <div className="min-w-[12rem] flex-1">
          <StatusLine said={said} />
        </div>
      </div>
      <QueueFilters filters={filters} onChange={go} onSort={chooseSort} />
      <ActiveJobs />
      <ApplicationsList filters={filters} canModerate={canModerate} canEdit={canEdit} />
    </section>
  );
}
