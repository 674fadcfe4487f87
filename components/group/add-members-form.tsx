"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useAddMembers, type AddResult } from "@/lib/client/group-detail";
import type { Group } from "@/lib/schemas/group";

/** Work groups grow only by invitation, so the same form says "Invite" there. */
export function AddMembersForm({ group }: { group: Group }) {
  const add = useAddMembers(group.id);
  const [text, setText] = useState("");
  const [results, setResults] = useState<AddResult[] | null>(null);
  const verb = group.type === "Work" ? "invite" : "add";
  const t = useTranslations("Members");

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const userIds = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
    if (userIds.length === 0) return;
    setResults(null);
    const res = await add.mutateAsync(userIds).catch(() => null);
    if (res) {
      setResults(res.results);
      setText("");
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <label htmlFor={`add-${group.id}`} className="text-sm font-medium">
        {t("addLabel", { verb })}
      </label>
      <div className="flex flex-wrap gap-2">
        <input id={`add-${group.id}`} className={`${inputClass} flex-1 font-mono`} placeholder={t("addPlaceholder")} value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="submit" disabled={add.isPending || !text.trim()}>
          {add.isPending ? t("adding", { verb }) : t("add", { verb })}
        </Button>
      </div>
      <MutationError error={add.error} />
      {results && (
        <ul role="status" className="text-sm">
          {results.map((r) => (
            <li key={r.userId} className={r.result === "failed" ? "text-red-800 dark:text-red-300" : "text-slate-800 dark:text-slate-200"}>
              <span className="font-mono">{r.userId}</span>: {t(`results.${r.result}`)}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
