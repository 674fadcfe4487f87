"use client";
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
  const [sentTo, setSentTo] = useState<string | null>(null);
  const everyoneOnly = group.type === "AVChatRoom";

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const userIds = recipients.split(/[\s,]+/).filter(Boolean);
    setSentTo(null);
    const ok = await notify.mutateAsync({ content, ...(userIds.length ? { userIds } : {}) }).then(() => true, () => false);
    if (ok) {
      setSentTo(userIds.length ? `${userIds.length} member${userIds.length > 1 ? "s" : ""}` : "all members");
      setContent("");
    }
  }

  return (
    <Panel title="Send a notification">
      <form onSubmit={onSubmit} className="flex flex-col gap-3">
        <Field label="Content" hint="Delivered to members' apps as custom data (onReceiveRESTCustomData)">
          {(p) => <textarea {...p} rows={3} className={inputClass} value={content} onChange={(e) => setContent(e.target.value)} />}
        </Field>
        {!everyoneOnly && (
          <Field label="Only to these user IDs (optional)" hint="Leave empty to reach every member">
            {(p) => <input {...p} className={`${inputClass} font-mono`} value={recipients} onChange={(e) => setRecipients(e.target.value)} />}
          </Field>
        )}
        <MutationError error={notify.error} />
        {sentTo && (
          <p role="status" className="text-sm text-emerald-800">
            Sent to {sentTo}.
          </p>
        )}
        <Button type="submit" disabled={!content.trim() || notify.isPending}>
          {notify.isPending ? "Sending…" : "Send notification"}
        </Button>
      </form>
    </Panel>
  );
}
