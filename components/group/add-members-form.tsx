"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useAddMembers, type AddMemberResult } from "@/lib/client/group-detail";
import type { Group } from "@/lib/schemas/group";
import { PerUserResults } from "@/components/ui/per-user-results";

/** Work groups grow only by invitation, so the same form says "Invite" there. */
export function AddMembersForm({ group }: { group: Group }) {
  const add = useAddMembers(group.id);
  const [text, setText] = useState("");
  const [results, setResults] = useState<AddMemberResult[] | null>(null);
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
      // The IDs that did not make it stay in the field, to correct and send again.
      setText(
        res.results
          .filter((r) => !r.ok)
          .map((r) => r.userId)
          .join(", "),
      );
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <label htmlFor={`add-${group.id}`} className="text-sm font-medium">
        {t("addLabel", { verb })}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={`add-${group.id}`}
          className={`${inputClass} flex-1 font-mono`}
          placeholder={t("addPlaceholder")}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" disabled={add.isPending || !text.trim()}>
          {add.isPending ? t("adding", { verb }) : t("add", { verb })}
        </Button>
      </div>
      <MutationError error={add.error} />
      {results && <AddResults results={results} />}
    </form>
  );
}

/** Every user asked for, with what happened: in the group (or invited), or not and why. */
function AddResults({ results }: { results: AddMemberResult[] }) {
  const t = useTranslations("Members");
  const failed = results.filter((r) => !r.ok).length;
  return (
    <PerUserResults
      summary={t("resultSummary", { ok: results.length - failed, failed })}
      results={results}
      words={(r) => <ResultWords result={r} />}
    />
  );
}

function ResultWords({ result }: { result: AddMemberResult }) {
  const t = useTranslations("Members");
  if (result.ok) return <>{t(`results.${result.outcome ?? "added"}`)}</>;
  const code = result.error?.code;
  if (code === "unknown_user") return <>{t("results.unknown_user")}</>;
  if (code === "im_error") return <>{t("results.refused")}</>;
  return (
    <>
      {t("results.failed")}
      {result.error ? ` (${result.error.code}: ${result.error.message})` : ""}
    </>
  );
}
