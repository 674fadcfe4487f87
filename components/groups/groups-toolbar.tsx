"use client";
import { useEffect, useState } from "react";
import { inputClass } from "@/components/ui/field";
import type { GroupListFilters } from "@/lib/client/query-keys";
import { GROUP_TYPES, JOIN_OPTIONS } from "@/lib/schemas/group";
import { JOIN_LABEL, SORT_LABEL, TYPE_LABEL } from "./labels";

const SEARCH_DELAY_MS = 300;

/** Search, filters and sort of the groups list; every change goes to the URL through `onChange`. */
export function GroupsToolbar({ filters, onChange }: { filters: GroupListFilters; onChange: (next: GroupListFilters) => void }) {
  const [q, setQ] = useState(filters.q ?? "");
  useEffect(() => setQ(filters.q ?? ""), [filters.q]);
  useEffect(() => {
    if (q === (filters.q ?? "")) return;
    const t = setTimeout(() => onChange({ ...filters, q: q || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [q, filters, onChange]);

  const select = (name: "type" | "joinOption" | "sort", label: string, options: [string, string][], all?: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`filter-${name}`} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={`filter-${name}`} className={`${inputClass} w-44`} value={filters[name] ?? ""} onChange={(e) => onChange({ ...filters, [name]: e.target.value || undefined })}>
        {all && <option value="">{all}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-[14rem] flex-1 flex-col gap-1">
        <label htmlFor="filter-q" className="text-sm font-medium text-slate-800">
          Search
        </label>
        <input id="filter-q" type="search" placeholder="Group ID or name" className={inputClass} value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {select("type", "Type", GROUP_TYPES.map((t) => [t, TYPE_LABEL[t]]), "All types")}
      {select("joinOption", "Join option", JOIN_OPTIONS.map((j) => [j, JOIN_LABEL[j]]), "Any join option")}
      {select("sort", "Sort", Object.entries(SORT_LABEL))}
    </div>
  );
}
