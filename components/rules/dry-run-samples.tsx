"use client";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { DryRunResult } from "@/lib/schemas/rule";

type Sample = DryRunResult["samples"][number];

const VERDICT_CLASS = {
  different: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  undecided: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
  same: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
} as const;

/** Whether the rule and the people agree on one application: a hold decides nothing, so it is neither. */
export const verdictOf = (s: Pick<Sample, "wouldDo" | "peopleDid">) =>
  s.wouldDo === "hold" ? "undecided" : s.wouldDo === s.peopleDid ? "same" : "different";

const named = (name: string, id: string) => (name && name !== id ? `${name} (${id})` : id);

/** A few of the applications the rule matched, disagreements first: who, where, what they wrote, and both answers. */
export function DryRunSamples({ samples }: { samples: Sample[] }) {
  const t = useTranslations("rules.dryRun");
  if (samples.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <h4 className="text-sm font-semibold">{t("samples", { count: samples.length })}</h4>
      <ul className="flex flex-col gap-2">
        {samples.map((s) => {
          const verdict = verdictOf(s);
          const a = s.application;
          return (
            <li key={a.id} className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${VERDICT_CLASS[verdict]}`}>{t(`verdict.${verdict}`)}</span>
                <span className="font-medium [overflow-wrap:anywhere]">{named(a.requesterNickname, a.requesterId)}</span>
                <span className="text-slate-600 dark:text-slate-400">{t("inGroup", { group: named(a.groupName, a.groupId) })}</span>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  <LocalTime iso={a.createdAt} time="short" />
                </span>
              </div>
              <p className="mt-1 [overflow-wrap:anywhere] text-slate-800 dark:text-slate-200">
                {a.message.trim() ? t("message", { message: a.message }) : <em>{t("noMessage")}</em>}
              </p>
              <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">
                {t("comparison", { wouldDo: s.wouldDo, peopleDid: s.peopleDid })}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
