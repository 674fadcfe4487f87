"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { SelectFilter } from "@/components/ui/select-filter";
import type { GroupListFilters } from "@/lib/client/query-keys";
import { GROUP_TYPES, JOIN_OPTIONS } from "@/lib/schemas/constants";
import { SORTS } from "./labels";

const SEARCH_DELAY_MS = 300;
const labelClass = "text-sm font-medium text-slate-800 dark:text-slate-200";

/** Search, filters and sort of the groups list; every change goes to the URL through `onChange`. */
export function GroupsToolbar({ filters, onChange }: { filters: GroupListFilters; onChange: (next: GroupListFilters) => void }) {
  const t = useTranslations("Groups");
  const types = useTranslations("GroupTypes");
  const joins = useTranslations("JoinOptions");
  const [q, setQ] = useState(filters.q ?? "");
  // The URL's search changed (back button, a link): the field follows ("adjusting state while rendering").
  const [urlQ, setUrlQ] = useState(filters.q);
  if (filters.q !== urlQ) {
    setUrlQ(filters.q);
    setQ(filters.q ?? "");
  }
  useEffect(() => {
    if (q === (filters.q ?? "")) return;
    const timer = setTimeout(() => onChange({ ...filters, q: q || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  const select = (name: "type" | "joinOption" | "sort", label: string, options: [string, string][], all?: string) => (
    <SelectFilter
      id={`filter-${name}`}
      label={label}
      value={filters[name] ?? ""}
      options={all ? [["", all], ...options] : options}
      onChange={(v) => onChange({ ...filters, [name]: v || undefined })}
    />
  );

  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-[min(14rem,100%)] flex-1 flex-col gap-1">
        <label htmlFor="filter-q" className={labelClass}>
          {t("search")}
        </label>
        <input
          id="filter-q"
          type="search"
          placeholder={t("searchPlaceholder")}
          className={inputClass}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      {select(
        "type",
        t("type"),
        GROUP_TYPES.map((g) => [g, types(`name.${g}`)]),
        t("allTypes"),
      )}
      {select(
        "joinOption",
        t("joinOption"),
        JOIN_OPTIONS.map((j) => [j, joins(`name.${j}`)]),
        t("anyJoinOption"),
      )}
      {select(
        "sort",
        t("sort"),
        SORTS.map(([value, key]) => [value, t(`sorts.${key}`)]),
      )}
    </div>
  );
}
