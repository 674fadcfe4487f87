"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { MutationError } from "@/components/ui/mutation-error";
import { useDeleteRule } from "@/lib/client/rules";
import type { Rule } from "@/lib/schemas/rule";

/** Asks before deleting a rule; the rules after it move up one place. */
export function DeleteRuleDialog({
  rule,
  onClose,
  onDeleted,
}: {
  rule: Rule | null;
  onClose: () => void;
  onDeleted: (rule: Rule) => void;
}) {
  const t = useTranslations("rules.delete");
  const common = useTranslations("Common");
  const remove = useDeleteRule();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog
      open={rule !== null}
      onOpenChange={(open) => !open && close()}
      title={rule ? t("title", { name: rule.name }) : ""}
      description={rule ? t("description", { matched: rule.stats.matched }) : undefined}
    >
      <div className="flex flex-col gap-3">
        <MutationError error={remove.error} />
        <div className="flex justify-end gap-2">
          <Button onClick={close} autoFocus>
            {common("cancel")}
          </Button>
          <Button
            variant="primary"
            className="bg-red-700 hover:bg-red-800 disabled:bg-red-300 dark:disabled:bg-red-900"
            disabled={remove.isPending}
            onClick={() => rule && remove.mutate(rule.id, { onSuccess: () => onDeleted(rule) })}
          >
            {t("confirm")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
