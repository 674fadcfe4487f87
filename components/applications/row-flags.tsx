"use client";
import { useTranslations } from "next-intl";
import type { Application } from "@/lib/schemas/application";

const STYLE = {
  refusedBefore: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
  note: "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100",
  held: "bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-100",
} as const;

/** What there is to see about the requester before deciding: refused before, notes left, held by a rule. */
export function RowFlags({ application: a }: { application: Application }) {
  const t = useTranslations("Applications");
  if (!a.flags?.length) return null;
  return (
    <span className="mt-1 flex flex-wrap gap-1">
      {a.flags.map((flag) => (
        <span key={flag} className={`rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[flag]}`}>
          {flag === "held" && a.ruleName ? t("heldByRule", { rule: a.ruleName }) : t(`flags.${flag}`)}
        </span>
      ))}
    </span>
  );
}
