"use client";
import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";
import type { Rule } from "@/lib/schemas/rule";
import { RuleEditor } from "./rule-editor";

/** What the editor is open on: a new rule (`rule` null) or a saved one. */
export type Editing = { rule: Rule | null };

/** The editor in a dialog: it stays mounted, so closing it returns the focus to the button that opened it. */
export function RuleEditorDialog({
  editing,
  readOnly,
  onClose,
  onSaved,
}: {
  editing: Editing | null;
  readOnly: boolean;
  onClose: () => void;
  onSaved: (rule: Rule, created: boolean) => void;
}) {
  const t = useTranslations("rules.editor");
  const rule = editing?.rule ?? null;
  const title = !editing
    ? ""
    : !rule
      ? t("newTitle")
      : readOnly
        ? t("viewTitle", { name: rule.name })
        : t("editTitle", { name: rule.name });
  return (
    <Dialog
      open={editing !== null}
      onOpenChange={(open) => !open && onClose()}
      title={title}
      description={readOnly ? t("viewDescription") : t("description")}
    >
      {editing && <RuleEditor rule={rule} readOnly={readOnly} onCancel={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}
