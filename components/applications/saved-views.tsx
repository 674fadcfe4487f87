"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { lazy, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { applicationFiltersOfView, searchFromApplicationFilters, type ApplicationListFilters } from "@/lib/client/query-keys";
import { useDeleteView, useViews } from "@/lib/client/views";
import { VIEWS_MAX } from "@/lib/schemas/constants";
import type { SavedView } from "@/lib/schemas/view";

// Naming a new view loads its form on the first "Save view"; the dialog shows its title meanwhile.
const SaveViewForm = lazy(() => import("./save-view-form"));

const href = (filters: ApplicationListFilters) => {
  const qs = searchFromApplicationFilters(filters);
  return qs ? `/applications?${qs}` : "/applications";
};

/**
 * The moderator's saved views as tabs with live counts, beside the default queue; the one matching the URL
 * is marked current. Each is a link, so a view opens in a new tab and its URL can be shared.
 */
export function SavedViews({ filters, onSaid }: { filters: ApplicationListFilters; onSaid: (text: string, error?: boolean) => void }) {
  const t = useTranslations("Applications");
  const views = useViews();
  const remove = useDeleteView();
  const [saving, setSaving] = useState(false);
  // Tabs are told apart by what they select: the order is the reader's own (kept in this browser), not the view's.
  const selecting = (f: ApplicationListFilters) => searchFromApplicationFilters({ ...f, sort: undefined });
  const here = selecting(filters);
  const items = views.data ?? [];
  const matching = items.find((v) => selecting(applicationFiltersOfView(v.filters)) === here);

  const tab = (key: string, to: string, label: string, current: boolean, count?: number) => (
    <Link
      key={key}
      href={to}
      aria-current={current ? "page" : undefined}
      className={`inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-sm ${
        current ? "bg-indigo-600 font-medium text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      }`}
    >
      <span className="max-w-[12rem] truncate">{label}</span>
      {count !== undefined && (
        <span
          className={`rounded-full px-1.5 text-xs tabular-nums ${current ? "bg-white/25" : "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100"}`}
          aria-label={t("viewCount", { count })}
        >
          {count}
        </span>
      )}
    </Link>
  );

  async function forget(view: SavedView) {
    try {
      await remove.mutateAsync(view.id);
      onSaid(t("viewDeleted", { name: view.name }));
    } catch {
      onSaid(t("viewNotDeleted", { name: view.name }), true);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <nav aria-label={t("views")} className="flex flex-wrap items-center gap-1">
        {tab("queue", "/applications", t("queueTab"), here === "")}
        {items.map((v) => (
          <span key={v.id} className="inline-flex items-center">
            {tab(v.id, href(applicationFiltersOfView(v.filters)), v.name, v === matching, v.count)}
            <button
              type="button"
              onClick={() => void forget(v)}
              aria-label={t("deleteView", { name: v.name })}
              className="rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
            >
              ×
            </button>
          </span>
        ))}
      </nav>
      {here !== "" && !matching && (
        <Button
          variant="ghost"
          className="text-indigo-700 dark:text-indigo-300"
          onClick={() => setSaving(true)}
          disabled={items.length >= VIEWS_MAX}
        >
          {items.length >= VIEWS_MAX ? t("viewsFull", { max: VIEWS_MAX }) : t("saveView")}
        </Button>
      )}
      <Dialog
        open={saving}
        onOpenChange={(open) => !open && setSaving(false)}
        title={t("saveViewTitle")}
        description={t("saveViewDescription")}
      >
        <SaveViewForm
          filters={filters}
          onClose={(name) => {
            setSaving(false);
            if (name) onSaid(t("viewSaved", { name }));
          }}
        />
      </Dialog>
    </div>
  );
}
