"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useUpdateGroup } from "@/lib/client/group-detail";
import type { Application } from "@/lib/schemas/application";

const MAX_LIMIT = 1_000_000;

/** Room for the approval that failed and for a few more after it, without a trip to the group's page. */
export function suggestedLimit(max: number): number {
  return Math.min(MAX_LIMIT, max + Math.max(10, Math.ceil(max / 10)));
}

/** The group's new member limit (components/applications/raise-limit-dialog.tsx), then the approval that failed. */
export default function RaiseLimitForm({
  application: a,
  onCancel,
  onRaised,
}: {
  application: Application;
  onCancel: () => void;
  onRaised: () => void;
}) {
  const t = useTranslations("Applications");
  const common = useTranslations("Common");
  const format = useFormatter();
  const update = useUpdateGroup(a.groupId);
  const current = a.groupFill?.max ?? 0;
  const [limit, setLimit] = useState(String(suggestedLimit(current)));
  const value = Number(limit);
  const valid = Number.isInteger(value) && value > current && value <= MAX_LIMIT;
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) update.mutate({ maxMemberCount: value }, { onSuccess: onRaised });
      }}
    >
      <Field
        label={t("newLimit")}
        hint={t("newLimitHint", { current: format.number(current), max: format.number(MAX_LIMIT) })}
        error={limit !== "" && !valid ? t("newLimitInvalid", { current: format.number(current) }) : undefined}
      >
        {(p) => (
          <input
            {...p}
            type="number"
            inputMode="numeric"
            min={current + 1}
            max={MAX_LIMIT}
            className={`${inputClass} w-40`}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
          />
        )}
      </Field>
      <MutationError error={update.error} />
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>{common("cancel")}</Button>
        <Button type="submit" variant="primary" disabled={!valid || update.isPending}>
          {t("raiseAndApprove", { who: a.requesterNickname || a.requesterId })}
        </Button>
      </div>
    </form>
  );
}
