"use client";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import { newerRuleOf, useCreateRule, useDryRun, useUpdateRule } from "@/lib/client/rules";
import { RULE_LIMITS } from "@/lib/schemas/constants";
import type { Rule } from "@/lib/schemas/rule";
import { ActionFields } from "./action-fields";
import { ConditionFields } from "./condition-fields";
import { ConflictNotice } from "./conflict-notice";
import { DryRunPanel } from "./dry-run-panel";
import { DryRunLine } from "./dry-run-line";
import { checkForm, EMPTY_FORM, formOfRule, issueAt, patchOfBody, type RuleForm } from "./rule-form";
import { ScopeFields } from "./scope-fields";
import { useDebounced } from "./use-debounced";
import { useFieldErrors, type FieldErrors } from "./use-field-errors";

const DEBOUNCE_MS = 500;
const CONDITION_SWITCHES = new Set<string>([
  "wordsOn",
  "emptyOn",
  "inOn",
  "notInOn",
  "prefixOn",
  "refusedOn",
  "burstOn",
  "matchEverything",
]);

/**
 * A rule being written (`rule` null), edited, or read (`readOnly`), with its dry run following the draft. It
 * mounts with each opening of its dialog, so nothing typed carries over to the next rule.
 */
export function RuleEditor({
  rule,
  readOnly,
  onCancel,
  onSaved,
}: {
  rule: Rule | null;
  readOnly: boolean;
  onCancel: () => void;
  onSaved: (rule: Rule, created: boolean) => void;
}) {
  const t = useTranslations("rules.editor");
  const common = useTranslations("Common");
  const words = useErrorWords();
  const fieldErrors = useFieldErrors();
  const [form, setForm] = useState<RuleForm>(() => (rule ? formOfRule(rule) : EMPTY_FORM));
  // The version a save is checked against: the one read, or the newer one once the admin chose to keep theirs.
  const [base, setBase] = useState(rule);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Rule | null>(null);
  const [days, setDays] = useState(30);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateRule();
  const update = useUpdateRule();
  const saving = create.isPending || update.isPending;

  const checked = useMemo(() => checkForm(form), [form]);
  const ownErrors = fieldErrors(checked.issues);
  const errors: FieldErrors = { ...serverErrors, ...(tried ? ownErrors : {}) };
  const firstProblem = checked.body ? null : (Object.values(ownErrors)[0] ?? t("incomplete"));

  const draft = useDebounced(checked.body, DEBOUNCE_MS);
  const tryRule = checked.body ? draft.value : null;
  const dryRun = useDryRun(tryRule, days);
  const busy = checked.body !== null && (draft.settling || dryRun.isFetching);

  function edit(changes: Partial<RuleForm>) {
    setForm((f) => ({ ...f, ...changes }));
    const touched = new Set<string>(Object.keys(changes));
    if ([...touched].some((k) => CONDITION_SWITCHES.has(k))) touched.add("conditions");
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !touched.has(field))));
  }

  // Once a save is refused, the first field it names takes the focus (after the errors are drawn), so a
  // keyboard user lands where to fix it.
  const [refusals, setRefusals] = useState(0);
  const focusFirstInvalid = () => setRefusals((n) => n + 1);
  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (readOnly || saving) return;
    setTried(true);
    setFormError(null);
    setServerErrors({});
    if (!checked.body) return focusFirstInvalid();
    try {
      const saved = base
        ? await update.mutateAsync({ id: base.id, ...patchOfBody(checked.body, base.version) })
        : await create.mutateAsync(checked.body);
      onSaved(saved, !base);
    } catch (err) {
      const newer = newerRuleOf(err);
      if (newer) return setConflict(newer);
      if (!(err instanceof ApiError)) return setFormError(err);
      if (err.reason?.key === "ruleUnknownGroups") setServerErrors({ groupIds: words.message(err) });
      else if (err.fields.some((f) => issueAt(f).field !== "form")) setServerErrors(fieldErrors(err.fields.map(issueAt)));
      else return setFormError(err);
      focusFirstInvalid();
    }
  }

  const props = { form, edit, errors, readOnly };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {conflict && (
        <ConflictNotice
          newer={conflict}
          onTheirs={() => {
            setForm(formOfRule(conflict));
            setBase(conflict);
            setConflict(null);
          }}
          onMine={() => {
            setBase(conflict);
            setConflict(null);
          }}
        />
      )}
      <fieldset disabled={readOnly} className="flex min-w-0 flex-col gap-5">
        <Field label={t("name")} hint={t("nameHint", { used: form.name.length, max: RULE_LIMITS.name })} error={errors.name}>
          {(p) => <input {...p} className={inputClass} value={form.name} onChange={(e) => edit({ name: e.target.value })} />}
        </Field>
        <ScopeFields {...props} />
        <ConditionFields {...props} />
        <ActionFields {...props} />
      </fieldset>
      <DryRunPanel days={days} onDays={setDays} query={dryRun} busy={busy} problem={firstProblem} />
      {errors.form && (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {errors.form}
        </p>
      )}
      <MutationError error={formError} />
      <div className="sticky -bottom-5 -mx-5 -mb-5 flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 bg-white px-5 py-3 dark:border-slate-700 dark:bg-slate-900">
        <DryRunLine result={firstProblem === null ? dryRun.data : undefined} busy={busy} days={days} />
        {readOnly ? (
          <Button onClick={onCancel}>{t("close")}</Button>
        ) : (
          <>
            <Button onClick={onCancel}>{common("cancel")}</Button>
            <Button type="submit" variant="primary" disabled={saving}>
              {saving ? common("saving") : rule ? t("save") : t("create")}
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
