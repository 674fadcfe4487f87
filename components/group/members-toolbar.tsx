"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { DownloadLink } from "@/components/ui/download-link";
import { inputClass } from "@/components/ui/field";
import { SelectFilter } from "@/components/ui/select-filter";
import { membersCsvHref } from "@/lib/client/members";
import type { MemberListFilters } from "@/lib/client/query-keys";
import { MEMBER_ROLES } from "@/lib/schemas/constants";

const SEARCH_DELAY_MS = 300;

/** Search (debounced), role and mute filters of a group's members, and the CSV of what they show. */
export function MembersToolbar({
  groupId,
  filters,
  onChange,
}: {
  groupId: string;
  filters: MemberListFilters;
  onChange: (next: MemberListFilters) => void;
}) {
  const t = useTranslations("Members");
  const [q, setQ] = useState(filters.q ?? "");
  useEffect(() => {
    if (q.trim() === (filters.q ?? "")) return;
    const timer = setTimeout(() => onChange({ ...filters, q: q.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  return (
    <div role="search" aria-label={t("searchLabel")} className="mt-3 flex flex-wrap items-end gap-3">
      <div className="flex min-w-[min(12rem,100%)] flex-1 flex-col gap-1">
        <label htmlFor={`members-q-${groupId}`} className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {t("search")}
        </label>
        <input
          id={`members-q-${groupId}`}
          type="search"
          maxLength={100}
          placeholder={t("searchPlaceholder")}
          className={inputClass}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <SelectFilter
        id={`members-role-${groupId}`}
        label={t("role")}
        width="w-36"
        value={filters.role ?? ""}
        options={[["", t("anyRole")], ...MEMBER_ROLES.map((r): [string, string] => [r, t(`roles.${r}`)])]}
        onChange={(v) => onChange({ ...filters, role: v || undefined })}
      />
      <SelectFilter
        id={`members-muted-${groupId}`}
        label={t("mutedFilter")}
        width="w-36"
        value={filters.muted ?? ""}
        options={[
          ["", t("mutedAny")],
          ["true", t("mutedOnly")],
          ["false", t("notMuted")],
        ]}
        onChange={(v) => onChange({ ...filters, muted: v || undefined })}
      />
      <DownloadLink href={membersCsvHref(groupId, filters)}>{t("export")}</DownloadLink>
    </div>
  );
}
