"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { MutationError } from "@/components/ui/mutation-error";
import { useSetRulesEnabled } from "@/lib/client/rules";
import type { RulesSwitch as SwitchState } from "@/lib/schemas/rule";

/**
 * Whether rules run at all, and (for admins) the switch that pauses or resumes every one at once. When the
 * console's environment keeps them off, the switch cannot help, so it is disabled and the server's words say why.
 */
export function RulesSwitch({ state, canWrite }: { state: SwitchState; canWrite: boolean }) {
  const t = useTranslations("rules.switch");
  const set = useSetRulesEnabled();
  const id = useId();
  const forced = state.forcedOff;
  const status = state.enabled ? "running" : forced ? "forcedOff" : "paused";
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {canWrite && (
          <label className="flex items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              role="switch"
              className="h-4 w-4 accent-indigo-600 dark:accent-indigo-400"
              checked={state.toggle}
              disabled={forced !== undefined || set.isPending}
              aria-describedby={`${id}-status${forced ? ` ${id}-forced` : ""}`}
              onChange={(e) => set.mutate(e.target.checked)}
            />
            {t("label")}
          </label>
        )}
        <p id={`${id}-status`} role="status" className="flex items-center gap-2 text-sm">
          <span
            aria-hidden
            className={`inline-block h-2.5 w-2.5 rounded-full ${state.enabled ? "bg-emerald-600 dark:bg-emerald-400" : "bg-slate-400 dark:bg-slate-500"}`}
          />
          {t(status)}
        </p>
      </div>
      {forced && (
        <p id={`${id}-forced`} lang="en" className="text-sm text-amber-900 dark:text-amber-200">
          {forced.message}
        </p>
      )}
      <MutationError error={set.error} />
    </div>
  );
}
