"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { applicationFiltersFromSearch, type ApplicationListFilters } from "@/lib/client/query-keys";
import { APPLICATION_STATUS } from "@/lib/schemas/application";
import { ApplicationsList } from "./applications-list";

// The order the moderator last chose is kept in this browser, so the longest-waiting stay on top for them.
const SORT_KEPT = "console.inbox.sort";

/** The inbox across all groups, newest or oldest first; filters live in the URL. */
export function ApplicationsInbox({ canModerate, canEdit }: { canModerate: boolean; canEdit: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const filters = applicationFiltersFromSearch(Object.fromEntries(useSearchParams()));
  const t = useTranslations("Applications");

  function go(next: ApplicationListFilters) {
    const params = new URLSearchParams();
    if (next.groupId) params.set("groupId", next.groupId);
    if (next.status) params.set("status", next.status);
    if (next.sort) params.set("sort", next.sort);
    const qs = params.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  function chooseSort(sort: "newest" | "oldest") {
    localStorage.setItem(SORT_KEPT, sort);
    go({ ...filters, sort: sort === "oldest" ? "oldest" : undefined });
  }

  // A URL without an order takes the kept one; a URL that names one wins (a shared link means what it says).
  const urlSort = filters.sort;
  useEffect(() => {
    if (!urlSort && localStorage.getItem(SORT_KEPT) === "oldest") go({ ...filters, sort: "oldest" });
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
      <form role="search" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        {/* Keyed by the URL's value, so navigating elsewhere resets what was typed. */}
        <GroupIdFilter key={filters.groupId ?? ""} value={filters.groupId} onCommit={(groupId) => go({ ...filters, groupId })} />
        <div className="flex flex-col gap-1">
          <label htmlFor="app-status" className="text-sm font-medium">
            {t("status")}
          </label>
          <select
            id="app-status"
            className={`${inputClass} w-40`}
            value={filters.status ?? "pending"}
            onChange={(e) => go({ ...filters, status: e.target.value === "pending" ? undefined : e.target.value })}
          >
            {APPLICATION_STATUS.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="app-sort" className="text-sm font-medium">
            {t("order")}
          </label>
          <select
            id="app-sort"
            className={`${inputClass} w-44`}
            value={filters.sort ?? "newest"}
            onChange={(e) => chooseSort(e.target.value === "oldest" ? "oldest" : "newest")}
          >
            <option value="newest">{t("orders.newest")}</option>
            <option value="oldest">{t("orders.oldest")}</option>
          </select>
        </div>
      </form>
      <ApplicationsList filters={filters} canModerate={canModerate} canEdit={canEdit} />
    </section>
  );
}

function GroupIdFilter({ value, onCommit }: { value?: string; onCommit: (groupId: string | undefined) => void }) {
  const [text, setText] = useState(value ?? "");
  const commit = () => text.trim() !== (value ?? "") && onCommit(text.trim() || undefined);
  const t = useTranslations("Applications");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="app-group" className="text-sm font-medium">
        {t("groupId")}
      </label>
      <input
        id="app-group"
        className={`${inputClass} w-64 max-w-full font-mono`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
        placeholder={t("allGroups")}
      />
    </div>
  );
}
