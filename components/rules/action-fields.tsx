"use client";
import { useLocale, useTranslations } from "next-intl";
import { Fragment, useId } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { REFUSAL_TEMPLATES, TEMPLATE_KEYS } from "@/lib/refusal-templates";
import { RULE_ACTIONS, RULE_LIMITS } from "@/lib/schemas/constants";
import type { Locale } from "@/lib/schemas/user";
import { utf8Bytes } from "@/lib/schemas/utf8";
import { Choice, GROUP_ERROR, LEGEND } from "./choice";
import type { FormProps } from "./rule-form";

/** What the rule does with an application it matches; a refusal may carry a reason, a template or one's own. */
export function ActionFields({ form, edit, errors, readOnly }: FormProps) {
  const t = useTranslations("rules.editor.then");
  const common = useTranslations("Common");
  const locale = useLocale() as Locale;
  const id = useId();
  // Right under "Refuse", which it belongs to.
  const reason = (
    <div className="ml-6 flex flex-col gap-2">
      <Field
        label={common("reasonOptional")}
        hint={`${common("bytes", { used: utf8Bytes(form.reason), max: RULE_LIMITS.reasonBytes })} · ${t("reasonHint")}`}
        error={errors.reason}
      >
        {(p) => <textarea {...p} rows={3} className={inputClass} value={form.reason} onChange={(e) => edit({ reason: e.target.value })} />}
      </Field>
      {!readOnly && (
        <div role="group" aria-labelledby={`${id}-templates`} className="flex flex-col gap-1">
          <span id={`${id}-templates`} className="text-xs font-medium text-slate-700 dark:text-slate-300">
            {t("templates")}
          </span>
          <div className="flex flex-wrap gap-2">
            {TEMPLATE_KEYS.map((key) => (
              <button
                key={key}
                type="button"
                className="rounded-full border border-slate-300 px-2.5 py-1 text-left text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
                onClick={() => edit({ reason: REFUSAL_TEMPLATES[locale][key] })}
              >
                {REFUSAL_TEMPLATES[locale][key]}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errors.action ? `${id}-error` : undefined}>
      <legend className={LEGEND}>{t("legend")}</legend>
      {RULE_ACTIONS.map((action) => (
        <Fragment key={action}>
          <Choice
            type="radio"
            name={`${id}-action`}
            label={t(action)}
            hint={t(`${action}Hint`)}
            checked={form.action === action}
            onChange={() => edit({ action })}
          />
          {action === "refuse" && form.action === "refuse" && reason}
        </Fragment>
      ))}
      {errors.action && (
        <p id={`${id}-error`} className={GROUP_ERROR}>
          {errors.action}
        </p>
      )}
    </fieldset>
  );
}
