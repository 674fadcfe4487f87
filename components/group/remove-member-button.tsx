"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useRemoveMember } from "@/lib/client/group-detail";
import type { Group } from "@/lib/schemas/group";
import type { Member } from "@/lib/schemas/member";

export function RemoveMemberButton({ group, member }: { group: Group; member: Member }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const remove = useRemoveMember(group.id);
  const who = member.nickname || member.userId;
  const t = useTranslations("Members");
  const common = useTranslations("Common");
  return (
    <>
      <Button variant="ghost" className="text-xs text-red-800 dark:text-red-300" onClick={() => setOpen(true)}>
        {t("remove")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          remove.reset();
        }}
        title={t("removeTitle", { who })}
        description={t("removeDescription", { who, group: group.name })}
      >
        <div className="flex flex-col gap-3">
          <Field label={common("reasonOptional")}>
            {(p) => <input {...p} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <MutationError error={remove.error} />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>{common("cancel")}</Button>
            <Button
              variant="primary"
              className="bg-red-700 hover:bg-red-800"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ userId: member.userId, reason: reason || undefined }, { onSuccess: () => setOpen(false) })}
            >
              {remove.isPending ? t("removing") : t("removeConfirm")}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
