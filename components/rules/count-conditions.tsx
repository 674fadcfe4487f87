"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { RULE_LIMITS } from "@/lib/schemas/constants";
import { Choice, Condition } from "./choice";
import type { FormProps, RuleForm } from "./rule-form";

type NumberKey = "refusedCount" | "refusedDays" | "burstAtLeast" | "burstMinutes";

/** The two conditions that count past applications: the requester's refusals, and a burst on the group. */
export function CountConditions({ form, edit, errors, readOnly }: FormProps) {
  const t = useTranslations("rules.editor.when");
  const id = useId();
  const number = (key: NumberKey, max: number) => (
    <Field label={t(`${key}Label`)} error={errors[key]}>
      {(p) => (
        <input
          {...p}
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          className={`${inputClass} w-28`}
          value={form[key]}
          onChange={(e) => edit({ [key]: e.target.value } as Partial<RuleForm>)}
        />
      )}
    </Field>
  );
  return (
    <>
      <Condition readOnly={readOnly} label={t("refused")} on={form.refusedOn} onChange={(refusedOn) => edit({ refusedOn })}>
        <div className="flex flex-wrap gap-3">
          {number("refusedCount", RULE_LIMITS.count)}
          {number("refusedDays", RULE_LIMITS.days)}
        </div>
        <div role="radiogroup" aria-label={t("refusedWhere")} className="flex flex-wrap gap-x-4 gap-y-1">
          <Choice
            type="radio"
            name={`${id}-where`}
            label={t("refusedAny")}
            checked={form.refusedWhere === "any"}
            onChange={() => edit({ refusedWhere: "any" })}
          />
          <Choice
            type="radio"
            name={`${id}-where`}
            label={t("refusedSame")}
            checked={form.refusedWhere === "same"}
            onChange={() => edit({ refusedWhere: "same" })}
          />
        </div>
      </Condition>
      <Condition readOnly={readOnly} label={t("burst")} on={form.burstOn} onChange={(burstOn) => edit({ burstOn })}>
        <div className="flex flex-wrap gap-3">
          {number("burstAtLeast", RULE_LIMITS.count)}
          {number("burstMinutes", RULE_LIMITS.minutes)}
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("burstHint")}</p>
      </Condition>
    </>
  );
}
