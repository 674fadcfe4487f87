"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Age } from "@/components/ui/age";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useReverseRuleApproval } from "@/lib/client/applications";
import type { Application } from "@/lib/schemas/application";

/**
 * Under a rule's approval: who took it back and when, or for an admin, the way to take it back (the requester
 * is removed from the group; the rule's decision stays on record, with the reversal beside it).
 */
export function ReverseApproval({ application: a, canReverse }: { application: Application; canReverse: boolean }) {
  const t = useTranslations("Applications");
  const [open, setOpen] = useState(false);
  if (a.handledVia !== "rule" || a.status !== "approved") return null;
  if (a.reversal)
    return (
      <p className="mt-1 text-xs font-medium text-red-800 dark:text-red-300">
        {t("reversedBy", { by: a.reversal.by })} · <Age iso={a.reversal.at} />
      </p>
    );
  if (!canReverse) return null;
  const who = a.requesterNickname || a.requesterId;
  return (
    <>
      <Button className="mt-1 text-xs" onClick={() => setOpen(true)} aria-label={t("reverseWho", { who })}>
        {t("reverse")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={t("reverseTitle", { who, group: a.groupName || a.groupId })}
        description={t("reverseDescription", { rule: a.handledBy ?? "" })}
      >
        {open && <ReverseForm application={a} onDone={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

function ReverseForm({ application: a, onDone }: { application: Application; onDone: () => void }) {
  const t = useTranslations("Applications");
  const common = useTranslations("Common");
  const reverse = useReverseRuleApproval();
  const [reason, setReason] = useState("");
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        reverse.mutate({ id: a.id, reason: reason.trim() || undefined }, { onSuccess: onDone });
      }}
    >
      <Field label={t("reverseReason")} hint={t("reverseReasonHint")}>
        {(p) => <input {...p} className={inputClass} value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <MutationError error={reverse.error} />
      <div className="flex justify-end gap-2">
        <Button onClick={onDone}>{common("cancel")}</Button>
        <Button type="submit" variant="primary" disabled={reverse.isPending}>
          {t("reverseConfirm")}
        </Button>
      </div>
    </form>
  );
}
