"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { MutationError } from "@/components/ui/mutation-error";
import { Panel } from "@/components/ui/panel";
import { useUpdateGroup } from "@/lib/client/group-detail";
import { JOIN_OPTIONS } from "@/lib/schemas/constants";
import type { Group, JoinOption } from "@/lib/schemas/group";
import { joinOptionRefusal } from "@/lib/schemas/join-options";

/** The join option editor knows the type: it offers only what the type allows and says why the rest is not. */
export function JoinSettings({ group, canEdit }: { group: Group; canEdit: boolean }) {
  const update = useUpdateGroup(group.id);
  const t = useTranslations("JoinSettings");
  const joins = useTranslations("JoinOptions");
  const types = useTranslations("GroupTypes");
  const reasons = useTranslations("Reasons");
  const common = useTranslations("Common");
  const [choice, setChoice] = useState<JoinOption>(group.joinOption);
  const [saved, setSaved] = useState(false);
  const editable = canEdit && JOIN_OPTIONS.filter((o) => !joinOptionRefusal(group.type, o)).length > 1;

  return (
    <Panel title={t("title")}>
      <fieldset disabled={!editable || update.isPending} className="flex flex-col gap-2">
        <legend className="sr-only">{t("legend", { name: group.name })}</legend>
        {JOIN_OPTIONS.map((option) => {
          const refusal = joinOptionRefusal(group.type, option);
          const id = `join-${option}`;
          return (
            <div
              key={option}
              className={`rounded-md border p-2 ${choice === option ? "border-indigo-400 bg-indigo-50 dark:border-indigo-500 dark:bg-indigo-950" : "border-slate-200 dark:border-slate-700"}`}
            >
              <label htmlFor={id} className={`flex items-start gap-2 text-sm ${refusal ? "text-slate-500 dark:text-slate-400" : ""}`}>
                <input
                  id={id}
                  type="radio"
                  name="joinOption"
                  value={option}
                  checked={choice === option}
                  disabled={Boolean(refusal)}
                  aria-describedby={`${id}-why`}
                  onChange={() => {
                    setChoice(option);
                    setSaved(false);
                  }}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{joins(`name.${option}`)}</span>
                  <span id={`${id}-why`} className="block text-xs text-slate-600 dark:text-slate-400">
                    {refusal ? reasons(refusal.key, refusal.values) : joins(`explain.${option}`)}
                  </span>
                </span>
              </label>
            </div>
          );
        })}
      </fieldset>
      {!editable && canEdit && (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">{t("fixed", { type: types(`name.${group.type}`) })}</p>
      )}
      {editable && (
        <div className="mt-3 flex items-center gap-3">
          <Button
            variant="primary"
            disabled={choice === group.joinOption || update.isPending}
            onClick={() =>
              update.mutate({ joinOption: choice }, { onSuccess: () => setSaved(true), onError: () => setChoice(group.joinOption) })
            }
          >
            {update.isPending ? common("saving") : t("save")}
          </Button>
          {saved && !update.isPending && (
            <span role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
              {t("saved", { option: joins(`name.${group.joinOption}`) })}
            </span>
          )}
        </div>
      )}
      <div className="mt-2">
        <MutationError error={update.error} />
      </div>
    </Panel>
  );
}
