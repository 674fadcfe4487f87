"use client";
import { useTranslations } from "next-intl";
import { lazy } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { Application } from "@/lib/schemas/application";

// The form loads when a full group is first met; the dialog shows its title meanwhile.
const RaiseLimitForm = lazy(() => import("./raise-limit-form"));

/** For an admin, where an approval failed because the group is full: raise its member limit, then approve. */
export function RaiseLimitDialog({
  application,
  onClose,
  onRaised,
}: {
  application: Application | null;
  onClose: () => void;
  onRaised: (a: Application) => void;
}) {
  const t = useTranslations("Applications");
  return (
    <Dialog
      open={application !== null}
      onOpenChange={(o) => !o && onClose()}
      title={t("raiseLimitTitle", { group: application?.groupName || application?.groupId || "" })}
    >
      {application && <RaiseLimitForm application={application} onCancel={onClose} onRaised={() => onRaised(application)} />}
    </Dialog>
  );
}
