"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Age } from "@/components/ui/age";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorPanel } from "@/components/ui/error-panel";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import { useApplications, useBulkHandle, useHandleApplication, type BulkProgress } from "@/lib/client/applications";
import type { ApplicationListFilters } from "@/lib/client/query-keys";
import type { Application } from "@/lib/schemas/application";
import { BulkProgressPanel } from "./bulk-progress";
import { RefuseDialog } from "./refuse-dialog";
import { Requester } from "./requester";
import { StatusBadge } from "./status-badge";
import { KEY_HELP, useInboxKeys } from "./use-inbox-keys";

type Outcome = { id: string; text: string; error: boolean };

/** Applications with single and bulk handling and the keyboard; used by the inbox and by a group's page. */
export function ApplicationsList({ filters, canModerate, showGroup = true, keyboard = true }: { filters: ApplicationListFilters; canModerate: boolean; showGroup?: boolean; keyboard?: boolean }) {
  const list = useApplications(filters);
  const handle = useHandleApplication();
  const bulk = useBulkHandle();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const pending = (filters.status ?? "pending") === "pending";
  const actionable = canModerate && pending;

  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [refusing, setRefusing] = useState<string[] | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [progress, setProgress] = useState<{ p: BulkProgress; action: "approve" | "refuse" } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const t = useTranslations("Applications");
  const common = useTranslations("Common");
  const format = useFormatter();
  const words = useErrorWords();
  const who = (a: Application) => a.requesterNickname || a.requesterId;

  const current = items[Math.min(cursor, items.length - 1)];
  const say = (o: Outcome) => setOutcomes((prev) => [o, ...prev].slice(0, 5));

  function handleOne(a: Application, action: "approve" | "refuse", reason?: string) {
    handle.mutate(
      { id: a.id, action, reason },
      {
        onSuccess: () => say({ id: a.id, error: false, text: t(action === "approve" ? "approvedOutcome" : "refusedOutcome", { who: who(a), group: a.groupName || a.groupId }) }),
        onError: (err) =>
          say({
            id: a.id,
            error: true,
            text: t("failedOutcome", { who: who(a), group: a.groupName || a.groupId, error: words.message(err), imCode: err instanceof ApiError && err.imCode ? String(err.imCode) : "none" }),
          }),
      },
    );
  }

  async function handleMany(ids: string[], action: "approve" | "refuse", reason?: string) {
    setSelected(new Set());
    await bulk(ids, action, reason, (p) => setProgress({ p, action }));
  }

  function move(delta: number) {
    const next = Math.max(0, Math.min(items.length - 1, cursor + delta));
    setCursor(next);
    rows.current[next]?.focus();
  }

  function toggle(id: string) {
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  }

  useInboxKeys(
    {
      next: () => move(1),
      previous: () => move(-1),
      approve: () => actionable && current && handleOne(current, "approve"),
      refuse: () => actionable && current && setRefusing([current.id]),
      toggle: () => actionable && current && toggle(current.id),
      help: () => setHelpOpen(true),
    },
    keyboard,
  );

  const selectedIds = items.filter((a) => selected.has(a.id)).map((a) => a.id);
  const allSelected = items.length > 0 && selectedIds.length === items.length;

  return (
    <div className="flex flex-col gap-3">
      {outcomes.length > 0 && (
        <ul role="status" aria-live="polite" className="flex flex-col gap-1 text-sm">
          {outcomes.map((o, i) => (
            <li key={`${o.id}-${i}`} className={`[overflow-wrap:anywhere] ${o.error ? "text-red-800 dark:text-red-300" : "text-emerald-800 dark:text-emerald-300"}`}>
              {o.text}
            </li>
          ))}
        </ul>
      )}
      {actionable && selectedIds.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 rounded-md bg-indigo-50 p-2 text-sm dark:bg-indigo-950">
          <span>{t("selected", { count: selectedIds.length })}</span>
          <Button variant="primary" onClick={() => handleMany(selectedIds, "approve")}>
            {t("approveMany", { count: selectedIds.length })}
          </Button>
          <Button onClick={() => setRefusing(selectedIds)}>{t("refuseMany", { count: selectedIds.length })}</Button>
          <Button variant="ghost" onClick={() => setSelected(new Set())}>
            {t("clearSelection")}
          </Button>
        </div>
      )}
      {progress && <BulkProgressPanel progress={progress.p} action={progress.action} />}
      {list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
          <table className="w-full min-w-[44rem] text-left text-sm" aria-busy={list.isPending}>
            <caption className="sr-only">{keyboard ? t("captionKeys") : t("caption")}</caption>
            <thead className="bg-slate-50 text-xs text-slate-700 uppercase dark:bg-slate-800 dark:text-slate-300">
              <tr>
                {actionable && (
                  <th scope="col" className="w-8 px-3 py-2">
                    <input type="checkbox" aria-label={t("selectAll")} checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((a) => a.id)))} />
                  </th>
                )}
                {showGroup && <th scope="col" className="px-3 py-2">{t("columns.group")}</th>}
                <th scope="col" className="px-3 py-2">{t("columns.requester")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.message")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.age")}</th>
                <th scope="col" className="px-3 py-2">{actionable ? <span className="sr-only">{t("columns.actions")}</span> : t("columns.status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {!list.isPending && items.length === 0 && (
                <tr>
                  <td colSpan={6} className="px-3 py-8 text-center text-slate-600 dark:text-slate-400">
                    {pending ? t("emptyPending") : t("emptyFiltered")}
                  </td>
                </tr>
              )}
              {items.map((a, i) => (
                <tr
                  key={a.id}
                  ref={(el) => {
                    rows.current[i] = el;
                  }}
                  tabIndex={i === cursor ? 0 : -1}
                  onFocus={() => setCursor(i)}
                  aria-selected={selected.has(a.id)}
                  data-current={i === cursor || undefined}
                  className="align-top outline-none focus:bg-indigo-50 data-[current]:bg-slate-50 dark:focus:bg-indigo-950 dark:data-[current]:bg-slate-800/60"
                >
                  {actionable && (
                    <td className="px-3 py-2">
                      <input type="checkbox" aria-label={t("selectOne", { who: who(a) })} checked={selected.has(a.id)} onChange={() => toggle(a.id)} />
                    </td>
                  )}
                  {showGroup && (
                    <td className="max-w-[14rem] min-w-[9rem] px-3 py-2">
                      <Link href={`/groups/${encodeURIComponent(a.groupId)}`} className="font-medium text-indigo-700 [overflow-wrap:anywhere] hover:underline dark:text-indigo-300">
                        {a.groupName || a.groupId}
                      </Link>
                      <span className="block font-mono text-xs break-all text-slate-600 dark:text-slate-400">{a.groupId}</span>
                    </td>
                  )}
                  <td className="min-w-[10rem] px-3 py-2">
                    <Requester application={a} />
                  </td>
                  <td className="max-w-[20rem] min-w-[12rem] px-3 py-2 whitespace-pre-wrap [overflow-wrap:anywhere]">{a.message || <span className="text-slate-500 dark:text-slate-400">{t("noMessage")}</span>}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-700 dark:text-slate-300">
                    <Age iso={a.createdAt} />
                  </td>
                  <td className="px-3 py-2">
                    {actionable ? (
                      <div className="flex justify-end gap-1">
                        <Button variant="primary" className="text-xs" onClick={() => handleOne(a, "approve")} aria-label={t("approveWho", { who: who(a) })}>
                          {t("approve")}
                        </Button>
                        <Button className="text-xs" onClick={() => setRefusing([a.id])} aria-label={t("refuseWho", { who: who(a) })}>
                          {t("refuse")}
                        </Button>
                      </div>
                    ) : (
                      <StatusBadge application={a} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
        <span>{t("shown", { shown: format.number(items.length), total: format.number(total) })}</span>
        {list.hasNextPage && (
          <Button onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? common("loading") : common("showMore")}
          </Button>
        )}
      </div>
      <RefuseDialog
        open={refusing !== null}
        count={refusing?.length ?? 0}
        onOpenChange={(o) => !o && setRefusing(null)}
        onConfirm={(reason) => {
          const ids = refusing ?? [];
          if (ids.length === 1) {
            const a = items.find((x) => x.id === ids[0]);
            if (a) handleOne(a, "refuse", reason);
          } else void handleMany(ids, "refuse", reason);
        }}
      />
      <Dialog open={helpOpen} onOpenChange={setHelpOpen} title={t("keysTitle")}>
        <dl className="grid grid-cols-[5rem_1fr] gap-2 text-sm">
          {KEY_HELP.map(([k, v]) => (
            <div key={k} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono dark:border-slate-600 dark:bg-slate-800">{k}</kbd>
              </dt>
              <dd>{t(`keys.${v}`)}</dd>
            </div>
          ))}
        </dl>
      </Dialog>
    </div>
  );
}
