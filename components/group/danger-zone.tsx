"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { Panel } from "@/components/ui/panel";
import { useGoneAfter, useScheduleDismissal } from "@/lib/client/group-detail";
import type { Group } from "@/lib/schemas/group";
import { DismissalUndo } from "./dismissal-undo";

/**
 * Say what will be lost, and ask for the group ID to be typed; then the dismissal is scheduled 10 s ahead with
 * Undo (docs/dismissal.md), and once the IM server no longer has the group, say what happened.
 */
export function DangerZone({ group }: { group: Group }) {
  const router = useRouter();
  const dismiss = useScheduleDismissal(group.id);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [dueAt, setDueAt] = useState<number | null>(null);
  const [undone, setUndone] = useState(false);
  const done = useGoneAfter(group.id, dueAt).data === true;
  // Every way out of the dialog starts the next opening afresh.
  const close = () => {
    setOpen(false);
    setTyped("");
    setUndone(false);
    dismiss.reset();
  };
  const pending = group.pendingApplications ?? 0;
  const t = useTranslations("Dismiss");
  const common = useTranslations("Common");

  return (
    <Panel title={t("title")}>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t("warning")}</p>
      <Button
        className="mt-3 border-red-300 text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
        onClick={() => setOpen(true)}
      >
        {t("open")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => {
          // While the countdown runs the dialog stays: closing it must not look like an undo.
          if (!o && dueAt !== null && !done) return;
          if (o) setOpen(true);
          else close();
        }}
        title={done ? t("doneTitle") : undone ? t("undoneTitle") : t("confirmTitle", { name: group.name })}
      >
        {undone ? (
          <div className="flex flex-col gap-3 text-sm">
            <p role="status" className="[overflow-wrap:anywhere]">
              {t("undone", { name: group.name })}
            </p>
            <Button variant="primary" autoFocus onClick={close}>
              {common("close")}
            </Button>
          </div>
        ) : dueAt !== null && !done ? (
          <DismissalUndo
            groupId={group.id}
            dueAt={dueAt}
            onUndone={() => {
              setDueAt(null);
              setUndone(true);
            }}
          />
        ) : done ? (
          <div className="flex flex-col gap-3 text-sm">
            <p role="status" className="[overflow-wrap:anywhere]">
              {t("done", { name: group.name, members: group.memberCount, pending })}
            </p>
            <Button variant="primary" onClick={() => router.push("/groups")}>
              {t("back")}
            </Button>
          </div>
        ) : (
          <div className="flex flex-col gap-3 text-sm">
            <p>{t("lost")}</p>
            <ul className="list-disc pl-5">
              <li>{group.type === "AVChatRoom" ? t("lostRoom") : t("lostMembers", { count: group.memberCount })}</li>
              <li>{t("lostPending", { count: pending })}</li>
              <li>{t("lostProfile")}</li>
            </ul>
            <Field label={t("typeToConfirm", { id: group.id })}>
              {(p) => (
                <input
                  {...p}
                  className={`${inputClass} font-mono`}
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  autoComplete="off"
                />
              )}
            </Field>
            <MutationError error={dismiss.error} />
            <div className="flex justify-end gap-2">
              <Button onClick={close}>{common("cancel")}</Button>
              <Button
                variant="primary"
                className="bg-red-700 hover:bg-red-800 disabled:bg-red-300 dark:disabled:bg-red-950 dark:disabled:text-red-300"
                disabled={typed !== group.id || dismiss.isPending}
                onClick={() => dismiss.mutate(undefined, { onSuccess: ({ scheduledFor }) => setDueAt(Date.parse(scheduledFor)) })}
              >
                {dismiss.isPending ? t("dismissing") : t("confirm")}
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </Panel>
  );
}
