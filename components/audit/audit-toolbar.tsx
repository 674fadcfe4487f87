"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { AuditListFilters } from "@/lib/client/query-keys";
import { AUDIT_ACTIONS } from "@/lib/schemas/audit-actions";

const label = "text-sm font-medium text-slate-800 dark:text-slate-200";

/** Text filters apply on Enter or "Apply" (each keystroke would be a query); the action applies at once. */
export function AuditToolbar({ filters, onChange }: { filters: AuditListFilters; onChange: (next: AuditListFilters) => void }) {
  const t = useTranslations("Audit");
  const [actor, setActor] = useState(filters.actor ?? "");
  const [groupId, setGroupId] = useState(filters.groupId ?? "");
  // When the URL changes under us (back button, a link), the fields follow it.
  const fromUrl = `${filters.actor ?? ""}\n${filters.groupId ?? ""}`;
  const [synced, setSynced] = useState(fromUrl);
  if (synced !== fromUrl) {
    setSynced(fromUrl);
    setActor(filters.actor ?? "");
    setGroupId(filters.groupId ?? "");
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    onChange({ ...filters, actor: actor.trim() || undefined, groupId: groupId.trim() || undefined });
  }

  return (
    <form role="search" aria-label={t("filter")} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-[min(12rem,100%)] flex-1 flex-col gap-1">
        <label htmlFor="audit-actor" className={label}>
          {t("who")}
        </label>
        <input
          id="audit-actor"
          type="search"
          placeholder={t("whoPlaceholder")}
          className={inputClass}
          value={actor}
          onChange={(e) => setActor(e.target.value)}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-action" className={label}>
          {t("action")}
        </label>
        <select
          id="audit-action"
          className={`${inputClass} w-52 max-w-full`}
          value={filters.action ?? ""}
          onChange={(e) => onChange({ ...filters, action: e.target.value || undefined })}
        >
          <option value="">{t("allActions")}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`actionNames.${a.replace(".", "_")}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-[min(12rem,100%)] flex-1 flex-col gap-1">
        <label htmlFor="audit-group" className={label}>
          {t("groupId")}
        </label>
        <input
          id="audit-group"
          type="search"
          className={`${inputClass} font-mono`}
          value={groupId}
          onChange={(e) => setGroupId(e.target.value)}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          {t("apply")}
        </Button>
        <Button onClick={() => onChange({})} disabled={!filters.actor && !filters.action && !filters.groupId}>
          {t("clear")}
        </Button>
      </div>
    </form>
  );
}
