"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ConsoleUser, UpdateUserInput } from "@/lib/schemas/user";

/** A change that signs the user out everywhere (a new role, disabling) is asked about first, saying so. */
export function endsSessions(user: ConsoleUser, change: UpdateUserInput): boolean {
  return (change.role !== undefined && change.role !== user.role) || (change.disabled === true && !user.disabled);
}

export function ConfirmUserChange({
  pending,
  onConfirm,
  onCancel,
}: {
  pending: { user: ConsoleUser; change: UpdateUserInput } | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("Users");
  const roles = useTranslations("Roles");
  const disabling = pending?.change.disabled === true;
  const email = pending?.user.email ?? "";
  const title = !pending
    ? ""
    : disabling
      ? t("confirmDisable", { email })
      : t("confirmRole", { email, role: roles(`label.${pending.change.role ?? pending.user.role}`) });
  // Stays mounted, so that closing it returns focus to the control that asked.
  return (
    <Dialog
      open={pending !== null}
      onOpenChange={(open) => !open && onCancel()}
      title={title}
      description={
        pending
          ? `${t("confirmEndsSessions", { email })}${pending.change.scope === null && pending.user.scope ? ` ${t("scope.clearedForAdmin")}` : ""}`
          : undefined
      }
    >
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>{t("cancel")}</Button>
        <Button variant="primary" onClick={onConfirm} autoFocus>
          {disabling ? t("disable") : t("changeRole")}
        </Button>
      </div>
    </Dialog>
  );
}
