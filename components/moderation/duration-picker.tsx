"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { inputClass } from "@/components/ui/field";
import { DURATION_UNITS, type CustomDuration, type DurationChoice, type DurationProblem } from "./durations";

/**
 * The length of a mute or ban: a few presets, a custom amount in minutes, hours or days, or forever. Radios in
 * one group (arrow keys move between them); the custom amount is enabled only while "custom" is chosen.
 */
export function DurationPicker({
  legend,
  choices,
  choice,
  custom,
  problem,
  onChoice,
  onCustom,
}: {
  legend: string;
  choices: readonly DurationChoice[];
  choice: DurationChoice;
  custom: CustomDuration;
  problem: DurationProblem | null;
  onChoice: (c: DurationChoice) => void;
  onCustom: (c: CustomDuration) => void;
}) {
  const t = useTranslations("Moderation.duration");
  const id = useId();
  const errorId = `${id}-error`;
  const isCustom = choice === "custom";
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {choices.map((c) => (
          <label
            key={c}
            className="flex items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1 text-sm has-checked:border-indigo-600 has-checked:bg-indigo-50 dark:border-slate-600 dark:has-checked:border-indigo-400 dark:has-checked:bg-indigo-950"
          >
            <input
              type="radio"
              name={`${id}-choice`}
              value={c}
              checked={choice === c}
              onChange={() => onChoice(c)}
              className="accent-indigo-600"
            />
            {t(`choice.${c}`)}
          </label>
        ))}
      </div>
      {isCustom && (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-800 dark:text-slate-200">{t("amount")}</span>
            <input
              className={`${inputClass} w-28`}
              inputMode="numeric"
              value={custom.amount}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              onChange={(e) => onCustom({ ...custom, amount: e.target.value })}
              data-testid="duration-amount"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-800 dark:text-slate-200">{t("unit")}</span>
            <select
              className={`${inputClass} w-auto`}
              value={custom.unit}
              onChange={(e) => onCustom({ ...custom, unit: e.target.value as CustomDuration["unit"] })}
            >
              {DURATION_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`units.${u}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {isCustom && problem && (
        <p id={errorId} className="text-xs font-medium text-red-700 dark:text-red-300">
          {t(`errors.${problem.key}`, { ...problem.values, unit: problem.values?.unit ? t(`units.${problem.values.unit}`) : "" })}
        </p>
      )}
    </fieldset>
  );
}
