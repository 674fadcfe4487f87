"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";

// Offered in the operator's language: the reason is sent to the requester exactly as it is picked or typed.
const TEMPLATES = ["members", "introduce", "full", "rules"] as const;

/** Asks for an optional reason, offering templates; the requester sees the reason in their app. */
export function RefuseDialog({ open, count, onOpenChange, onConfirm }: { open: boolean; count: number; onOpenChange: (o: boolean) => void; onConfirm: (reason: string | undefined) => void }) {
  const [reason, setReason] = useState("");
  const t = useTranslations("Applications");
  const common = useTranslations("Common");
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) setReason("");
        onOpenChange(o);
      }}
      title={count === 1 ? t("refuseTitleOne") : t("refuseTitleMany", { count })}
      description={t("refuseDescription")}
    >
      <div className="flex flex-col gap-3">
        <Field label={common("reasonOptional")}>{(p) => <textarea {...p} rows={3} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
        <div role="group" aria-label={t("templates")} className="flex flex-wrap gap-2">
          {TEMPLATES.map((key) => (
            <button
              key={key}
              type="button"
              className="rounded-full border border-slate-300 px-2.5 py-1 text-left text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
              onClick={() => setReason(t(`refusalTemplates.${key}`))}
            >
              {t(`refusalTemplates.${key}`)}
            </button>
          ))}
        </div>
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>{common("cancel")}</Button>
          <Button
            variant="primary"
            className="bg-red-700 hover:bg-red-800"
            onClick={() => {
              onConfirm(reason.trim() || undefined);
              onOpenChange(false);
            }}
          >
            {t("refuse")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
