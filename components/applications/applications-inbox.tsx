"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { applicationFiltersFromSearch, type ApplicationListFilters } from "@/lib/client/query-keys";
import { APPLICATION_STATUS } from "@/lib/schemas/application";
import { ApplicationsList } from "./applications-list";

/** The inbox across all groups, newest first; filters live in the URL. */
export function ApplicationsInbox({ canModerate }: { canModerate: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const filters = applicationFiltersFromSearch(Object.fromEntries(useSearchParams()));
  const t = useTranslations("Applications");

  function go(next: ApplicationListFilters) {
    const params = new URLSearchParams();
    if (next.groupId) params.set("groupId", next.groupId);
    if (next.status) params.set("status", next.status);
    const qs = params.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

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
          <select id="app-status" className={`${inputClass} w-40`} value={filters.status ?? "pending"} onChange={(e) => go({ ...filters, status: e.target.value === "pending" ? undefined : e.target.value })}>
            {APPLICATION_STATUS.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ApplicationsList filters={filters} canModerate={canModerate} />
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
