"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { useRules } from "@/lib/client/rules";
import type { Rule } from "@/lib/schemas/rule";
import { DeleteRuleDialog } from "./delete-rule-dialog";
import { RuleCard } from "./rule-card";
import { RuleEditorDialog, type Editing } from "./rule-editor-dialog";
import { RulesSwitch } from "./rules-switch";

/**
 * The rules for join applications, in the order the console tries them (the first that matches decides).
 * Admins write, order and switch them; moderators read them and try them on the past.
 */
export function RulesView({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("rules");
  const rules = useRules();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Rule | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const items = rules.data?.items;

  return (
    <section aria-labelledby="rules-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-3xl">
          <h1 id="rules-heading" ref={heading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
            {t("title")}
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t(canWrite ? "intro" : "introReadOnly")}</p>
        </div>
        {canWrite && (
          <Button variant="primary" onClick={() => setEditing({ rule: null })}>
            {t("newRule")}
          </Button>
        )}
      </div>
      <p role="status" className="text-sm text-emerald-800 empty:hidden dark:text-emerald-300">
        {notice}
      </p>
      {rules.isError ? (
        <ErrorPanel error={rules.error} onRetry={() => rules.refetch()} />
      ) : (
        <>
          {rules.data && <RulesSwitch state={rules.data} canWrite={canWrite} />}
          <div className="flex flex-col gap-2" aria-busy={rules.isPending}>
            <h2 id="rules-order" className="text-base font-semibold">
              {t("list.heading")}
            </h2>
            <p className="-mt-1 text-sm text-slate-600 dark:text-slate-400">{t("list.firstMatchWins")}</p>
            {items?.length === 0 && (
              <p className="text-slate-600 dark:text-slate-400">{t(canWrite ? "list.empty" : "list.emptyReadOnly")}</p>
            )}
            {items && items.length > 0 && (
              <ol aria-labelledby="rules-order" className="flex flex-col gap-2">
                {items.map((rule) => (
                  <RuleCard
                    key={rule.id}
                    rule={rule}
                    count={items.length}
                    canWrite={canWrite}
                    onOpen={(r) => setEditing({ rule: r })}
                    onDelete={setDeleting}
                  />
                ))}
              </ol>
            )}
          </div>
        </>
      )}
      <RuleEditorDialog
        editing={editing}
        readOnly={!canWrite}
        onClose={() => setEditing(null)}
        onSaved={(rule, created) => {
          setEditing(null);
          setNotice(t(created ? "created" : "saved", { name: rule.name }));
        }}
      />
      <DeleteRuleDialog
        rule={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(rule) => {
          setDeleting(null);
          setNotice(t("deleted", { name: rule.name }));
          // Its buttons are gone with it: the page's heading takes the focus rather than the document's start.
          requestAnimationFrame(() => heading.current?.focus());
        }}
      />
    </section>
  );
}
