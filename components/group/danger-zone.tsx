"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { Panel } from "@/components/ui/panel";
import { useDismissGroup } from "@/lib/client/group-detail";
import type { Group } from "@/lib/schemas/group";

/** Dismissing cannot be undone: say what will be lost, and ask for the group ID to be typed. */
export function DangerZone({ group }: { group: Group }) {
  const router = useRouter();
  const dismiss = useDismissGroup(group.id);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [done, setDone] = useState(false);
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
          setOpen(o);
          setTyped("");
          dismiss.reset();
        }}
        title={done ? t("doneTitle") : t("confirmTitle", { name: group.name })}
      >
        {done ? (
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
              <Button onClick={() => setOpen(false)}>{common("cancel")}</Button>
              <Button
                variant="primary"
                className="bg-red-700 hover:bg-red-800 disabled:bg-red-300 dark:disabled:bg-red-950 dark:disabled:text-red-300"
                disabled={typed !== group.id || dismiss.isPending}
                onClick={() => dismiss.mutate(undefined, { onSuccess: () => setDone(true) })}
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
