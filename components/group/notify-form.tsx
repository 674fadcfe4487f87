"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { Panel } from "@/components/ui/panel";
import { useNotifyMembers } from "@/lib/client/group-detail";
import type { Group } from "@/lib/schemas/group";

/** A custom system notification: members' apps receive it as custom data, not as a chat message. */
export function NotifyForm({ group }: { group: Group }) {
  const notify = useNotifyMembers(group.id);
  const [content, setContent] = useState("");
  const [recipients, setRecipients] = useState("");
  const [sentTo, setSentTo] = useState<number | "all" | null>(null);
  const t = useTranslations("Notify");
  const everyoneOnly = group.type === "AVChatRoom";

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const userIds = recipients.split(/[\s,]+/).filter(Boolean);
    setSentTo(null);
    const ok = await notify.mutateAsync({ content, ...(userIds.length ? { userIds } : {}) }).then(() => true, () => false);
    if (ok) {
      setSentTo(userIds.length || "all");
      setContent("");
    }
  }

  return (
    <Panel title={t("title")}>
      <form onSubmit={onSubmit} className="flex flex-col gap-3">
        <Field label={t("content")} hint={t("contentHint")}>
          {(p) => <textarea {...p} rows={3} className={inputClass} value={content} onChange={(e) => setContent(e.target.value)} />}
        </Field>
        {!everyoneOnly && (
          <Field label={t("recipients")} hint={t("recipientsHint")}>
            {(p) => <input {...p} className={`${inputClass} font-mono`} value={recipients} onChange={(e) => setRecipients(e.target.value)} />}
          </Field>
        )}
        <MutationError error={notify.error} />
        {sentTo !== null && (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            {sentTo === "all" ? t("sentAll") : t("sentSome", { count: sentTo })}
          </p>
        )}
        <Button type="submit" disabled={!content.trim() || notify.isPending}>
          {notify.isPending ? t("sending") : t("send")}
        </Button>
      </form>
    </Panel>
  );
}
