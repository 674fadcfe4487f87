"use client";
import { useTranslations } from "next-intl";
import type { Rule } from "@/lib/schemas/rule";
import { useRuleWords } from "./use-rule-words";

/** What a rule applies to, when it matches and what it does, as three labelled lines. */
export function RuleSummary({ rule }: { rule: Pick<Rule, "scope" | "when" | "then"> }) {
  const t = useTranslations("rules.summary");
  const words = useRuleWords();
  const rows: [string, string[]][] = [
    [t("scope"), words.scope(rule.scope)],
    [t("when"), words.when(rule.when)],
    [t("then"), [words.then(rule.then)]],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {rows.map(([label, lines]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600 dark:text-slate-400">{label}</dt>
          <dd className="min-w-0 [overflow-wrap:anywhere]">
            {lines.length === 1 ? (
              lines[0]
            ) : (
              <ul className="flex flex-col gap-0.5">
                {lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
