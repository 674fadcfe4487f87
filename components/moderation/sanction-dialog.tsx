"use client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { MutationError } from "@/components/ui/mutation-error";
import { useErrorWords } from "@/components/ui/use-error-words";
import { useBan, useMute } from "@/lib/client/moderation";
import { banRequestSchema, muteRequestSchema, type ModerationResult } from "@/lib/schemas/moderation";
import { DurationPicker } from "./duration-picker";
import { PerUserResults } from "@/components/ui/per-user-results";
import { BAN_CHOICES, durationSeconds, MUTE_CHOICES, type CustomDuration, type DurationChoice, type DurationProblem } from "./durations";
import { whoOf } from "./who";

export type SanctionKind = "mute" | "ban";
/** Whom the dialog is about; null asks for user IDs instead (the panel's "Mute members…"). */
export type SanctionTarget = { userId: string; nickname: string } | null;

type Props = { groupId: string; groupName: string; kind: SanctionKind; target: SanctionTarget; open: boolean; onClose: () => void };

/** Mute or ban one member, or several by ID: for how long and why; then what happened to each. */
export default function SanctionDialog({ groupId, groupName, kind, target, open, onClose }: Props) {
  const t = useTranslations("Moderation");
  const who = target ? whoOf(t, target.nickname, target.userId) : "";
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title={target ? t(`${kind}.titleOne`, { who }) : t(`${kind}.titleMany`)}
      description={t(`${kind}.description`, { group: groupName })}
    >
      {/* Mounted with each opening: nothing typed carries over to the next member. */}
      {open && <SanctionForm groupId={groupId} kind={kind} target={target} onClose={onClose} />}
    </Dialog>
  );
}

function SanctionForm({ groupId, kind, target, onClose }: Omit<Props, "groupName" | "open">) {
  const t = useTranslations("Moderation");
  const common = useTranslations("Common");
  const words = useErrorWords();
  const mute = useMute(groupId);
  const ban = useBan(groupId);
  const send = kind === "mute" ? mute : ban;
  const [ids, setIds] = useState("");
  const [choice, setChoice] = useState<DurationChoice>(kind === "mute" ? "10m" : "30d");
  const [custom, setCustom] = useState<CustomDuration>({ amount: "", unit: kind === "mute" ? "minutes" : "days" });
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<DurationProblem | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [results, setResults] = useState<ModerationResult[] | null>(null);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const length = durationSeconds(choice, custom);
    setProblem(length.ok ? null : length.problem);
    const userIds = target ? [target.userId] : [...new Set(ids.split(/[\s,]+/).filter(Boolean))];
    const body = { userIds, seconds: length.ok ? length.seconds : 1, reason: reason.trim() || undefined };
    const parsed = (kind === "mute" ? muteRequestSchema : banRequestSchema).safeParse(body);
    setFieldErrors(parsed.success ? {} : words.issues(parsed.error));
    if (!length.ok || !parsed.success) return;
    setResults(null);
    send.mutate(parsed.data, { onSuccess: (answer) => setResults(answer.results) });
  }

  if (results) {
    const failed = results.filter((r) => !r.ok).length;
    return (
      <div className="flex flex-col gap-3" data-testid={`${kind}-results`}>
        <PerUserResults
          summary={t(`${kind}.summary`, { ok: results.length - failed, failed })}
          results={results}
          words={(r) => (r.ok ? t(`${kind}.done`) : resultWords(r, t))}
        />
        <div className="flex justify-end">
          {/* The form's buttons are gone: focus goes where the next step is, not back to the top of the page. */}
          <Button variant="primary" onClick={onClose} autoFocus>
            {common("close")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
      {!target && (
        <Field label={t("userIds")} hint={t("userIdsHint")} error={fieldErrors.userIds}>
          {(p) => <textarea {...p} rows={2} className={`${inputClass} font-mono`} value={ids} onChange={(e) => setIds(e.target.value)} />}
        </Field>
      )}
      <DurationPicker
        legend={t(`${kind}.length`)}
        choices={kind === "mute" ? MUTE_CHOICES : BAN_CHOICES}
        choice={choice}
        custom={custom}
        problem={problem}
        onChoice={(c) => {
          setChoice(c);
          setProblem(null);
        }}
        onCustom={setCustom}
      />
      <Field label={common("reasonOptional")} hint={t(`${kind}.reasonHint`)} error={fieldErrors.reason}>
        {(p) => <input {...p} className={inputClass} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <MutationError error={send.error} />
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>{common("cancel")}</Button>
        <Button type="submit" variant="primary" className="bg-red-700 hover:bg-red-800" disabled={send.isPending}>
          {send.isPending ? t(`${kind}.sending`) : t(`${kind}.confirm`)}
        </Button>
      </div>
    </form>
  );
}

/** Why one user was not muted or banned, in words for the known codes, else the server's own. */
export function resultWords(r: ModerationResult, t: ReturnType<typeof useTranslations<"Moderation">>) {
  const code = r.error?.code ?? "";
  if (t.has(`results.${code}`)) return t(`results.${code}`);
  return t("results.other", { code, message: r.error?.message ?? "" });
}
