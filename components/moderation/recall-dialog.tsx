"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useRecall } from "@/lib/client/moderation";
import type { GroupMessage, RecallResult } from "@/lib/schemas/moderation";

/** Confirms recalling the chosen messages (at most ten), naming each; then what happened to each. */
export function RecallDialog({
  groupId,
  messages,
  open,
  onClose,
  onRecalled,
}: {
  groupId: string;
  messages: GroupMessage[];
  open: boolean;
  onClose: () => void;
  onRecalled: (recalled: number, failed: number) => void;
}) {
  const t = useTranslations("Moderation.recall");
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()} title={t("title", { count: messages.length })} description={t("description")}>
      {open && <RecallForm groupId={groupId} messages={messages} onClose={onClose} onRecalled={onRecalled} />}
    </Dialog>
  );
}

function RecallForm({ groupId, messages, onClose, onRecalled }: Omit<Parameters<typeof RecallDialog>[0], "open">) {
  const t = useTranslations("Moderation.recall");
  const common = useTranslations("Common");
  const recall = useRecall(groupId);
  const [reason, setReason] = useState("");
  const [failures, setFailures] = useState<RecallResult[] | null>(null);
  const bySeq = new Map(messages.map((m) => [m.seq, m]));

  if (failures)
    return (
      <div role="status" className="flex flex-col gap-3 text-sm" data-testid="recall-results">
        <p className="font-medium">{t("someFailed", { count: failures.length })}</p>
        <ul>
          {failures.map((r) => (
            <li key={r.seq} className="text-red-800 dark:text-red-300">
              {t("failedOne", { text: excerpt(bySeq.get(r.seq)?.text ?? ""), code: r.error?.code ?? "", message: r.error?.message ?? "" })}
            </li>
          ))}
        </ul>
        <div className="flex justify-end">
          {/* The form's buttons are gone: focus goes where the next step is, not back to the top of the page. */}
          <Button variant="primary" onClick={onClose} autoFocus>
            {common("close")}
          </Button>
        </div>
      </div>
    );

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const seqs = messages.map((m) => m.seq);
        recall.mutate(
          { seqs, reason: reason.trim() || undefined },
          {
            onSuccess: ({ results }) => {
              const failed = results.filter((r) => !r.ok);
              onRecalled(results.length - failed.length, failed.length);
              if (failed.length) setFailures(failed);
              else onClose();
            },
          },
        );
      }}
    >
      <ul className="flex max-h-48 flex-col gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
        {messages.map((m) => (
          <li key={m.seq} className="[overflow-wrap:anywhere]">
            <span className="font-medium">{m.senderNickname || m.senderId}</span>: {excerpt(m.text)}
          </li>
        ))}
      </ul>
      <Field label={t("reason")} hint={t("reasonHint")}>
        {(p) => <input {...p} className={inputClass} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <MutationError error={recall.error} />
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>{common("cancel")}</Button>
        <Button type="submit" variant="primary" className="bg-red-700 hover:bg-red-800" disabled={recall.isPending}>
          {recall.isPending ? t("sending") : t("confirm", { count: messages.length })}
        </Button>
      </div>
    </form>
  );
}

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
