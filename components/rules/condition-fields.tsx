"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { RULE_LIMITS } from "@/lib/schemas/constants";
import { Choice, Condition, GROUP_ERROR, LEGEND } from "./choice";
import { CountConditions } from "./count-conditions";
import { hasConditionOn, idsOf, wordsOf, type FormProps, type RuleForm } from "./rule-form";

type ListKey = "words" | "inList" | "notInList";

/** The conditions, each switched on by its box; all the ticked ones must hold for the rule to match. */
export function ConditionFields(props: FormProps) {
  const { form, edit, errors, readOnly } = props;
  const t = useTranslations("rules.editor.when");
  const id = useId();

  const list = (key: ListKey, hint: string) => (
    <Field label={t(`${key}Label`)} hint={hint} error={errors[key]}>
      {(p) => (
        <textarea
          {...p}
          rows={3}
          className={`${inputClass} ${key === "words" ? "" : "font-mono"}`}
          value={form[key]}
          onChange={(e) => edit({ [key]: e.target.value } as Partial<RuleForm>)}
        />
      )}
    </Field>
  );

  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={errors.conditions ? `${id}-error` : `${id}-hint`}>
      <legend className={LEGEND}>{t("legend")}</legend>
      <p id={`${id}-hint`} className="-mt-2 text-xs text-slate-600 dark:text-slate-400">
        {t(readOnly ? "hintReadOnly" : "hint")}
      </p>
      <Condition readOnly={readOnly} label={t("words")} on={form.wordsOn} onChange={(wordsOn) => edit({ wordsOn })}>
        {list("words", t("wordsHint", { count: wordsOf(form.words).length, max: RULE_LIMITS.words, bytes: RULE_LIMITS.wordBytes }))}
      </Condition>
      <Condition readOnly={readOnly} label={t("empty")} on={form.emptyOn} onChange={(emptyOn) => edit({ emptyOn })}>
        <div role="radiogroup" aria-label={t("empty")} className="flex flex-wrap gap-x-4 gap-y-1">
          <Choice
            type="radio"
            name={`${id}-empty`}
            label={t("isEmpty")}
            checked={form.empty === "empty"}
            onChange={() => edit({ empty: "empty" })}
          />
          <Choice
            type="radio"
            name={`${id}-empty`}
            label={t("isNotEmpty")}
            checked={form.empty === "notEmpty"}
            onChange={() => edit({ empty: "notEmpty" })}
          />
        </div>
      </Condition>
      <Condition readOnly={readOnly} label={t("in")} on={form.inOn} onChange={(inOn) => edit({ inOn })}>
        {list("inList", t("idsHint", { count: idsOf(form.inList).length, max: RULE_LIMITS.requesters }))}
      </Condition>
      <Condition readOnly={readOnly} label={t("notIn")} on={form.notInOn} onChange={(notInOn) => edit({ notInOn })}>
        {list("notInList", t("idsHint", { count: idsOf(form.notInList).length, max: RULE_LIMITS.requesters }))}
      </Condition>
      <Condition readOnly={readOnly} label={t("prefix")} on={form.prefixOn} onChange={(prefixOn) => edit({ prefixOn })}>
        <Field label={t("prefixLabel")} hint={t("prefixHint")} error={errors.prefix}>
          {(p) => (
            <input {...p} className={`${inputClass} font-mono`} value={form.prefix} onChange={(e) => edit({ prefix: e.target.value })} />
          )}
        </Field>
      </Condition>
      <CountConditions {...props} />
      {!hasConditionOn(form) && (!readOnly || form.matchEverything) && (
        <Choice
          type="checkbox"
          label={t("matchEverything")}
          hint={t("matchEverythingHint")}
          checked={form.matchEverything}
          onChange={(matchEverything) => edit({ matchEverything })}
        />
      )}
      {errors.conditions && (
        <p id={`${id}-error`} className={GROUP_ERROR}>
          {errors.conditions}
        </p>
      )}
    </fieldset>
  );
}
