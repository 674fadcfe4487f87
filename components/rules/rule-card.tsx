"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Age } from "@/components/ui/age";
import { RuleActions, type RuleRowProps } from "./rule-actions";
import { RuleSummary } from "./rule-summary";

const BADGE = {
  on: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  off: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
} as const;

/** One rule of the ordered list: its place, name and state, what it says, what it has done, and its controls. */
export function RuleCard({ rule, count, canWrite, onOpen, onDelete }: RuleRowProps) {
  const t = useTranslations("rules.card");
  const nameId = useId();
  return (
    <li
      aria-labelledby={nameId}
      data-rule-id={rule.id}
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span aria-hidden className="text-sm font-semibold text-slate-500 tabular-nums dark:text-slate-400">
          {rule.position + 1}.
        </span>
        <h3 id={nameId} className="min-w-0 font-semibold [overflow-wrap:anywhere]">
          {rule.name}
        </h3>
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${BADGE[rule.enabled ? "on" : "off"]}`}>
          {t(rule.enabled ? "enabled" : "disabled")}
        </span>
        <RuleActions rule={rule} count={count} canWrite={canWrite} onOpen={onOpen} onDelete={onDelete} />
      </div>
      <RuleSummary rule={rule} />
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t("matched", { count: rule.stats.matched })}
        {rule.stats.lastMatchedAt && (
          <>
            {" · "}
            {t("lastMatch")} <Age iso={rule.stats.lastMatchedAt} />
          </>
        )}
      </p>
    </li>
  );
}
