"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { Rule } from "@/lib/schemas/rule";
import { RuleSummary } from "./rule-summary";

/**
 * Someone saved the rule after this editor read it, so nothing was saved: their version is shown, and the admin
 * chooses between starting from it and keeping their own changes (saved over theirs only by saving again).
 */
export function ConflictNotice({ newer, onTheirs, onMine }: { newer: Rule; onTheirs: () => void; onMine: () => void }) {
  const t = useTranslations("rules.conflict");
  return (
    <div
      role="alert"
      className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">{t("title")}</p>
      <p>{t("theirs", { version: newer.version, name: newer.name })}</p>
      <div className="rounded bg-white/70 p-2 text-slate-900 dark:bg-slate-900/70 dark:text-slate-100">
        <RuleSummary rule={newer} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button onClick={onTheirs}>{t("useTheirs")}</Button>
        <Button onClick={onMine}>{t("keepMine")}</Button>
      </div>
      <p className="text-xs">{t("keepMineHint")}</p>
    </div>
  );
}
