"use client";
import { useTranslations } from "next-intl";
import type { DryRunResult } from "@/lib/schemas/rule";

/**
 * The dry run's answer in one line beside the buttons, in sight wherever the editor is scrolled. Screen readers
 * hear the figures from the dry run's own live region, so not twice.
 */
export function DryRunLine({ result, busy, days }: { result: DryRunResult | undefined; busy: boolean; days: number }) {
  const t = useTranslations("rules.dryRun");
  if (!result && !busy) return null;
  return (
    <p aria-hidden className="mr-auto text-xs text-slate-600 tabular-nums dark:text-slate-400">
      {busy ? t("running") : result ? t("line", { matched: result.matched, evaluated: result.evaluated, days }) : null}
    </p>
  );
}
