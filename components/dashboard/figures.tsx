import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Age } from "@/components/ui/age";
import type { ModerationStats } from "@/lib/schemas/stats";
import { useDuration } from "./breakdowns";
import { decidedHref, oldestPendingHref, pendingHref, receivedHref, type Period } from "./queue-links";

const CARD = "flex min-w-0 flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900";
const LINKED = `${CARD} hover:border-indigo-400 hover:bg-indigo-50/40 dark:hover:border-indigo-500 dark:hover:bg-slate-800`;

function Figure({ label, value, note, href }: { label: string; value: ReactNode; note?: ReactNode; href?: string }) {
  const body = (
    <>
      <span className="text-sm text-slate-600 dark:text-slate-400">{label}</span>
      <span className="text-2xl font-semibold text-slate-900 tabular-nums dark:text-white">{value}</span>
      {note && <span className="text-xs text-slate-600 dark:text-slate-400">{note}</span>}
    </>
  );
  return (
    <li className="flex">
      {href ? (
        <Link href={href} className={`${LINKED} w-full`}>
          {body}
        </Link>
      ) : (
        <div className={`${CARD} w-full`}>{body}</div>
      )}
    </li>
  );
}

/** The period's totals and what waits now, each leading to the queue view that lists what it counts. */
export function Figures({ stats, period }: { stats: ModerationStats; period: Period }) {
  const t = useTranslations("Dashboard.figures");
  const format = useFormatter();
  const duration = useDuration();
  const n = (v: number) => format.number(v);
  const byRules = (v: number) => (v > 0 ? t("byRules", { count: v }) : undefined);
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
      <Figure label={t("pending")} value={n(stats.pending)} href={pendingHref()} />
      <Figure
        label={t("oldest")}
        value={stats.oldestPendingAt ? <Age iso={stats.oldestPendingAt} /> : "—"}
        note={stats.oldestPendingAt ? undefined : t("oldestNone")}
        href={stats.oldestPendingAt ? oldestPendingHref() : undefined}
      />
      <Figure label={t("received")} value={n(stats.received)} href={receivedHref(period)} />
      <Figure
        label={t("approved")}
        value={n(stats.approved)}
        note={byRules(stats.byRule.approved)}
        href={decidedHref("approved", period)}
      />
      <Figure label={t("refused")} value={n(stats.refused)} note={byRules(stats.byRule.refused)} href={decidedHref("refused", period)} />
      <Figure
        label={t("median")}
        value={duration(stats.medianDecisionSeconds)}
        note={stats.p90DecisionSeconds === null ? t("noDecisions") : t("p90", { time: duration(stats.p90DecisionSeconds) })}
      />
    </ul>
  );
}
