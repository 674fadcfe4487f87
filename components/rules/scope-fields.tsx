"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { GROUP_TYPES, RULE_LIMITS } from "@/lib/schemas/constants";
import { Choice, GROUP_ERROR, LEGEND } from "./choice";
import { idsOf, type FormProps } from "./rule-form";

/** Every group, or some: those named by ID and those of the types ticked (a group named by either is in). */
export function ScopeFields({ form, edit, errors }: FormProps) {
  const t = useTranslations("rules.editor.scope");
  const types = useTranslations("GroupTypes");
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className={LEGEND}>{t("legend")}</legend>
      <Choice
        type="radio"
        name={`${id}-scope`}
        label={t("every")}
        checked={form.scope === "every"}
        onChange={() => edit({ scope: "every" })}
      />
      <Choice
        type="radio"
        name={`${id}-scope`}
        label={t("some")}
        hint={t("someHint")}
        checked={form.scope === "some"}
        onChange={() => edit({ scope: "some" })}
      />
      {form.scope === "some" && (
        <div className="ml-6 flex flex-col gap-3">
          <Field
            label={t("groupIds")}
            hint={t("groupIdsHint", { count: idsOf(form.groupIds).length, max: RULE_LIMITS.groupIds })}
            error={errors.groupIds}
          >
            {(p) => (
              <textarea
                {...p}
                rows={2}
                className={`${inputClass} font-mono`}
                value={form.groupIds}
                onChange={(e) => edit({ groupIds: e.target.value })}
              />
            )}
          </Field>
          <fieldset aria-describedby={errors.types ? `${id}-types-error` : undefined}>
            <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">{t("types")}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {GROUP_TYPES.map((type) => (
                <Choice
                  key={type}
                  type="checkbox"
                  label={types(`name.${type}`)}
                  checked={form.types.includes(type)}
                  onChange={(on) => edit({ types: GROUP_TYPES.filter((x) => (x === type ? on : form.types.includes(x))) })}
                />
              ))}
            </div>
            {errors.types && (
              <p id={`${id}-types-error`} className={GROUP_ERROR}>
                {errors.types}
              </p>
            )}
          </fieldset>
        </div>
      )}
    </fieldset>
  );
}
