"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { usePurge } from "@/lib/client/moderation";

/**
 * Confirms removing what one sender sent recently. It says what the IM server does: silently (members are not
 * told; their apps drop the messages when they next load the history), and only among the group's latest 1,000.
 */
export function PurgeDialog({
  groupId,
  sender,
  open,
  onClose,
  onPurged,
}: {
  groupId: string;
  sender: { id: string; who: string };
  open: boolean;
  onClose: () => void;
  onPurged: () => void;
}) {
  const t = useTranslations("Moderation.purge");
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()} title={t("title", { who: sender.who })} description={t("description")}>
      {open && <PurgeForm groupId={groupId} sender={sender} onClose={onClose} onPurged={onPurged} />}
    </Dialog>
  );
}

function PurgeForm({ groupId, sender, onClose, onPurged }: Omit<Parameters<typeof PurgeDialog>[0], "open">) {
  const t = useTranslations("Moderation.purge");
  const common = useTranslations("Common");
  const purge = usePurge(groupId);
  const [reason, setReason] = useState("");
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        purge.mutate(
          { senderId: sender.id, reason: reason.trim() || undefined },
          {
            onSuccess: () => {
              onPurged();
              onClose();
            },
          },
        );
      }}
    >
      <ul className="list-disc pl-5 text-sm text-slate-700 dark:text-slate-300">
        <li>{t("silent")}</li>
        <li>{t("window")}</li>
        <li>{t("final")}</li>
      </ul>
      <Field label={common("reasonOptional")} hint={t("reasonHint")}>
        {(p) => <input {...p} className={inputClass} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <MutationError error={purge.error} />
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>{common("cancel")}</Button>
        <Button type="submit" variant="primary" className="bg-red-700 hover:bg-red-800" disabled={purge.isPending}>
          {purge.isPending ? t("sending") : t("confirm", { who: sender.who })}
        </Button>
      </div>
    </form>
  );
}
