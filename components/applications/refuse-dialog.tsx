"use client";
import { useTranslations } from "next-intl";
import { lazy } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { Application } from "@/lib/schemas/application";

// The form and its templates in three languages load with the first refusal; the dialog shows its title meanwhile.
const RefuseForm = lazy(() => import("./refuse-form"));

/**
 * Asks for an optional reason before refusing `applications` (one or many), naming whose they are. The
 * requester sees the reason in their app exactly as written.
 */
export function RefuseDialog({
  applications,
  matchingTotal,
  onClose,
  onConfirm,
}: {
  applications: Application[] | null;
  /** Refusing everything the queue's filters match (a job): how many that is now. */
  matchingTotal?: number;
  onClose: () => void;
  onConfirm: (reason: string | undefined) => void;
}) {
  const t = useTranslations("Applications");
  const list = applications ?? [];
  const groups = new Set(list.map((a) => a.groupId)).size;
  const [first] = list;
  const title =
    matchingTotal !== undefined
      ? t("refuseTitleMatching", { count: matchingTotal })
      : list.length === 1 && first
        ? t("refuseTitleOne", { who: first.requesterNickname || first.requesterId, group: first.groupName || first.groupId })
        : t("refuseTitleMany", { count: list.length, groups });
  return (
    <Dialog open={applications !== null} onOpenChange={(o) => !o && onClose()} title={title} description={t("refuseDescription")}>
      {/* The form mounts with each opening (the dialog's content unmounts when closed): a reason never carries over. */}
      <RefuseForm
        messages={list.map((a) => a.message)}
        onCancel={onClose}
        onSubmit={(reason) => {
          onConfirm(reason);
          onClose();
        }}
      />
    </Dialog>
  );
}
