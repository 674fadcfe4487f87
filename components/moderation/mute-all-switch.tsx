"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { MutationError } from "@/components/ui/mutation-error";
import { useUpdateGroup } from "@/lib/client/group-detail";
import type { Group } from "@/lib/schemas/group";
import { sayModeration } from "./status";

/** Mute everyone but the owner and admins (`PATCH muteAll`, admins only); others see whether it is on. */
export function MuteAllSwitch({ group, canEdit }: { group: Group; canEdit: boolean }) {
  const t = useTranslations("Moderation.muteAll");
  const update = useUpdateGroup(group.id);
  const hintId = useId();
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          role="switch"
          className="mt-0.5 accent-indigo-600"
          checked={group.muteAll}
          disabled={!canEdit || update.isPending}
          aria-describedby={hintId}
          data-testid="mute-all"
          onChange={(e) => {
            const muteAll = e.target.checked;
            update.mutate(
              { muteAll },
              { onSuccess: () => sayModeration(t(muteAll ? "turnedOn" : "turnedOff", { group: group.name || group.id })) },
            );
          }}
        />
        <span>
          <span className="font-medium">{t("label")}</span>
          <span id={hintId} className="block text-xs text-slate-600 dark:text-slate-400">
            {canEdit ? t("hint") : t(group.muteAll ? "isOn" : "isOff")}
          </span>
        </span>
      </label>
      <MutationError error={update.error} />
    </div>
  );
}
