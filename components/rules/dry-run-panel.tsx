"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { MutationError } from "@/components/ui/mutation-error";
import { SelectFilter } from "@/components/ui/select-filter";
import type { DryRunResult } from "@/lib/schemas/rule";
import { DryRunSamples } from "./dry-run-samples";

export const DRY_RUN_PERIODS = [1, 7, 30, 90] as const;

export type DryRunView = {
  days: number;
  onDays: (days: number) => void;
  query: UseQueryResult<DryRunResult>;
  /** A draft change waits to be tried, or the server is trying it. */
  busy: boolean;
  /** Why the draft cannot be tried yet, in words; null once it is a whole rule. */
  problem: string | null;
};

/**
 * The draft tried on the applications people decided lately, beside what they did. The figures are one polite
 * live region, busy while a run is on its way, so a screen reader hears each result once, when it is complete.
 */
export function DryRunPanel({ days, onDays, query, busy, problem }: DryRunView) {
  const t = useTranslations("rules.dryRun");
  const id = useId();
  const result = problem === null ? query.data : undefined;
  const figures: [string, number][] = result
    ? [
        [t("evaluated"), result.evaluated],
        [t("matched"), result.matched],
        [t("wouldApprove"), result.wouldApprove],
        [t("wouldRefuse"), result.wouldRefuse],
        [t("wouldHold"), result.wouldHold],
        [t("same"), result.agreement.same],
        [t("different"), result.agreement.different],
        [t("undecided"), result.agreement.undecided],
      ]
    : [];
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-md bg-slate-50 p-3 dark:bg-slate-800/60">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h3 id={`${id}-title`} className="text-base font-semibold">
            {t("title")}
          </h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("intro")}</p>
        </div>
        <SelectFilter
          id={`${id}-days`}
          label={t("period")}
          value={String(days)}
          width="w-36"
          options={DRY_RUN_PERIODS.map((d) => [String(d), t("days", { days: d })])}
          onChange={(v) => onDays(Number(v))}
        />
      </div>
      <p className="text-sm text-slate-700 empty:hidden dark:text-slate-300">
        {problem !== null ? t("incomplete", { problem }) : busy ? t("running") : ""}
      </p>
      <div aria-live="polite" aria-atomic="true" aria-busy={busy} className={busy ? "opacity-60" : ""}>
        {result && <p className="sr-only">{t("figures", { days })}</p>}
        {result && (
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {figures.map(([label, value]) => (
              <div key={label} className="rounded bg-white px-2 py-1 dark:bg-slate-900">
                <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      {problem === null && query.isError && <MutationError error={query.error} />}
      {result && <DryRunSamples samples={result.samples} />}
    </section>
  );
}
