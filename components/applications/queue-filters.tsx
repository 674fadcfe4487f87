"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { SelectFilter } from "@/components/ui/select-filter";
import type { ApplicationListFilters } from "@/lib/client/query-keys";
import { APPLICATION_STATUS_FILTERS, GROUP_TYPES } from "@/lib/schemas/constants";
import { DashboardFilters } from "./dashboard-filters";
import { GroupPicker } from "./group-picker";

const TYPING_PAUSE_MS = 400;
/** The waits a moderator asks about most: over an hour, over a day (minutes, as the API takes them). */
const WAITS = ["60", "1440"] as const;

type Props = {
  filters: ApplicationListFilters;
  onChange: (next: ApplicationListFilters, how?: "replace") => void;
  onSort: (sort: "newest" | "oldest") => void;
};

/** The queue's filters; each change goes into the URL, so any view of the queue can be shared as a link. */
export function QueueFilters({ filters, onChange, onSort }: Props) {
  const t = useTranslations("Applications");
  const pending = (filters.status ?? "pending") === "pending";
  const select = (id: string, label: string, value: string, set: (v: string) => void, options: [string, string][], width = "w-40") => (
    <SelectFilter id={id} label={label} value={value} onChange={set} options={options} width={width} />
  );
  return (
    <form role="search" aria-label={t("filtersLabel")} className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
      <SearchBox value={filters.q} onCommit={(q) => onChange({ ...filters, q }, "replace")} />
      <GroupPicker value={filters.groupId} onChange={(groupId) => onChange({ ...filters, groupId })} />
      {select("app-type", t("type"), filters.type ?? "", (v) => onChange({ ...filters, type: v || undefined }), [
        ["", t("anyType")],
        ...GROUP_TYPES.map((g): [string, string] => [g, g]),
      ])}
      {select(
        "app-status",
        t("status"),
        filters.status ?? "pending",
        // A wait only means something for what is still waiting.
        (v) => onChange({ ...filters, status: v === "pending" ? undefined : v, ...(v === "pending" ? {} : { olderThan: undefined }) }),
        APPLICATION_STATUS_FILTERS.map((s) => [s, t(`statuses.${s}`)]),
      )}
      {pending &&
        select("app-waited", t("waited"), filters.olderThan ?? "", (v) => onChange({ ...filters, olderThan: v || undefined }), [
          ["", t("waitedAny")],
          ...WAITS.map((w): [string, string] => [w, t("waitedOver", { minutes: Number(w) })]),
        ])}
      {select(
        "app-sort",
        t("order"),
        filters.sort ?? "newest",
        (v) => onSort(v === "oldest" ? "oldest" : "newest"),
        [
          ["newest", t("orders.newest")],
          ["oldest", t("orders.oldest")],
        ],
        "w-44",
      )}
      <DashboardFilters
        filters={filters}
        onClear={() => onChange({ ...filters, handledBy: undefined, since: undefined, until: undefined })}
      />
    </form>
  );
}

/**
 * Searches as the moderator types (after a pause), without a history entry per key. The field stays mounted
 * (focus and caret stay put while the URL follows); only a change of the URL from elsewhere — a saved view,
 * the back button — replaces what it holds.
 */
function SearchBox({ value, onCommit }: { value?: string; onCommit: (q: string | undefined) => void }) {
  const t = useTranslations("Applications");
  const [text, setText] = useState(value ?? "");
  // The URL's value as last seen, and the last one this field sent: a new URL value that is not ours came
  // from elsewhere and replaces the text (React's "adjusting state while rendering").
  const [seen, setSeen] = useState(value);
  const [sent, setSent] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== sent) {
      setSent(value);
      setText(value ?? "");
    }
  }
  // The latest onCommit (it carries the other filters): a status chosen during the typing pause must survive it.
  const latest = useRef(onCommit);
  useEffect(() => {
    latest.current = onCommit;
  });
  const commit = (q: string | undefined) => {
    setSent(q);
    latest.current(q);
  };
  useEffect(() => {
    const q = text.trim() || undefined;
    if (q === sent) return;
    const timer = setTimeout(() => commit(q), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // The text alone decides when to search; commit reads the latest filters when it runs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="app-search" className="text-sm font-medium">
        {t("search")}
      </label>
      <input
        id="app-search"
        type="search"
        className={`${inputClass} w-64 max-w-full`}
        value={text}
        maxLength={100}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === "Enter" && commit(text.trim() || undefined)}
        placeholder={t("searchPlaceholder")}
      />
    </div>
  );
}
