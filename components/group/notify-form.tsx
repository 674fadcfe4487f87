"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { Panel } from "@/components/ui/panel";
import { useNotifyMembers, type NotifyResult } from "@/lib/client/group-detail";
import type { Group } from "@/lib/schemas/group";
import { PerUserResults } from "@/components/ui/per-user-results";

/** A custom system notification: members' apps receive it as custom data, not as a chat message. */
export function NotifyForm({ group }: { group: Group }) {
  const notify = useNotifyMembers(group.id);
  const [content, setContent] = useState("");
  const [recipients, setRecipients] = useState("");
  const [outcome, setOutcome] = useState<NotifyResult[] | "all" | null>(null);
  const t = useTranslations("Notify");
  const everyoneOnly = group.type === "AVChatRoom";

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const userIds = [...new Set(recipients.split(/[\s,]+/).filter(Boolean))];
    setOutcome(null);
    const answer = await notify.mutateAsync({ content, ...(userIds.length ? { userIds } : {}) }).catch(() => null);
    if (!answer) return;
    if ("sent" in answer) {
      setOutcome("all");
      setContent("");
      return;
    }
    setOutcome(answer.results);
    // Those who did not get it stay in the field, with the text, to correct and send again.
    const unsent = answer.results.filter((r) => !r.ok).map((r) => r.userId);
    setRecipients(unsent.join(", "));
    if (unsent.length === 0) setContent("");
  }

  return (
    <Panel title={t("title")}>
      <form onSubmit={onSubmit} className="flex flex-col gap-3">
        <Field label={t("content")} hint={t("contentHint")}>
          {(p) => <textarea {...p} rows={3} className={inputClass} value={content} onChange={(e) => setContent(e.target.value)} />}
        </Field>
        {!everyoneOnly && (
          <Field label={t("recipients")} hint={t("recipientsHint")}>
            {(p) => (
              <input {...p} className={`${inputClass} font-mono`} value={recipients} onChange={(e) => setRecipients(e.target.value)} />
            )}
          </Field>
        )}
        <MutationError error={notify.error} />
        {outcome === "all" && (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            {t("sentAll")}
          </p>
        )}
        {Array.isArray(outcome) && <NotifyResults results={outcome} />}
        <Button type="submit" disabled={!content.trim() || notify.isPending}>
          {notify.isPending ? t("sending") : t("send")}
        </Button>
      </form>
    </Panel>
  );
}

/** Every user asked for: sent, or not and why. */
function NotifyResults({ results }: { results: NotifyResult[] }) {
  const t = useTranslations("Notify");
  const failed = results.filter((r) => !r.ok).length;
  return (
    <PerUserResults
      summary={t("summary", { sent: results.length - failed, failed })}
      results={results}
      words={(r) => <ResultWords result={r} />}
    />
  );
}

function ResultWords({ result }: { result: NotifyResult }) {
  const t = useTranslations("Notify");
  if (result.ok) return <>{t("results.sent")}</>;
  const code = result.error?.code;
  if (code === "not_member" || code === "unknown_user") return <>{t(`results.${code}`)}</>;
  return (
    <>
      {t("results.failed")}
      {result.error ? ` (${result.error.code}: ${result.error.message})` : ""}
    </>
  );
}
