"use client";
import { useTranslations } from "next-intl";
import { lazy } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { Rule } from "@/lib/schemas/rule";

// The editor, its checks and the rule schema (zod) load when a rule is first opened; the dialog shows its title meanwhile.
const RuleEditor = lazy(() => import("./rule-editor").then((m) => ({ default: m.RuleEditor })));

/** What the editor is open on: a new rule (`rule` null) or a saved one. */
export type Editing = { rule: Rule | null };

/** The editor in a dialog; closing it returns the focus to the button that opened it (components/ui/dialog.tsx). */
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
