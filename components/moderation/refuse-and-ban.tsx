"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { useErrorWords } from "@/components/ui/use-error-words";
import { useHandleApplication } from "@/lib/client/applications";
import { useBanIn } from "@/lib/client/moderation";
import type { Application } from "@/lib/schemas/application";
import { durationSeconds } from "./durations";
import { openRefuseAndBan } from "./refuse-and-ban-store";

type Outcome = { ok: boolean; text: string };

/**
 * "Refuse and ban for 30 days": the refusal goes through the queue's own path (with the reason), then the ban
 * with the same reason. Both are tried and both outcomes shown: a refusal that lost a race to another moderator
 * does not stop the ban the moderator asked for. `application` is the one the button was pressed for, kept
 * while the queue moves on (./refuse-and-ban-store.ts).
 */
export default function RefuseAndBanDialog({
  application: a,
  open,
  onClose,
}: {
  application: Application;
  open: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("Moderation.refuseAndBan");
  const who = a.requesterNickname || a.requesterId;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title={t("title", { who, group: a.groupName || a.groupId })}
      description={t("description")}
    >
      {/* Keyed by application: a second use starts afresh. */}
      {open && <RefuseAndBanForm key={a.id} application={a} onClose={onClose} />}
    </Dialog>
  );
}

/** The button, in the applicant panel and on a pending application's row: opens the dialog for this application. */
export function RefuseAndBanButton({ application: a, className = "" }: { application: Application; className?: string }) {
  const t = useTranslations("Moderation.refuseAndBan");
  return (
    <Button
      className={`text-xs text-red-800 dark:text-red-300 ${className}`}
      onClick={() => openRefuseAndBan(a)}
      data-testid="refuse-and-ban"
    >
      {t("label")}
      <span className="sr-only"> {a.requesterNickname ? t("whom", { who: a.requesterNickname, id: a.requesterId }) : a.requesterId}</span>
    </Button>
  );
}

function RefuseAndBanForm({ application: a, onClose }: { application: Application; onClose: () => void }) {
  const t = useTranslations("Moderation.refuseAndBan");
  const common = useTranslations("Common");
  const words = useErrorWords();
  const refuse = useHandleApplication();
  const ban = useBanIn();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);

  async function run() {
    setBusy(true);
    const why = reason.trim() || undefined;
    const refused = await refuse.mutateAsync({ id: a.id, action: "refuse", reason: why }).then(
      () => ({ ok: true, text: t("refused") }),
      (err: unknown) => ({ ok: false, text: t("notRefused", { error: words.message(err) }) }),
    );
    const seconds = durationSeconds("30d", { amount: "", unit: "days" });
    const banned = await ban
      .mutateAsync({ groupId: a.groupId, userIds: [a.requesterId], seconds: seconds.ok ? seconds.seconds : 0, reason: why })
      .then(
        ({ results }) =>
          results[0]?.ok
            ? { ok: true, text: t("banned") }
            : { ok: false, text: t("notBanned", { error: results[0]?.error?.message ?? "" }) },
        (err: unknown) => ({ ok: false, text: t("notBanned", { error: words.message(err) }) }),
      );
    setOutcomes([refused, banned]);
    setBusy(false);
  }

  if (outcomes)
    return (
      <div className="flex flex-col gap-3" data-testid="refuse-and-ban-outcome">
        <ul role="status" className="flex flex-col gap-1 text-sm">
          {outcomes.map((o) => (
            <li key={o.text} className={o.ok ? "text-slate-800 dark:text-slate-200" : "text-red-800 dark:text-red-300"}>
              <span aria-hidden="true">{o.ok ? "✓ " : "✗ "}</span>
              {o.text}
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
        void run();
      }}
    >
      <Field label={common("reasonOptional")} hint={t("reasonHint")}>
        {(p) => <input {...p} className={inputClass} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>{common("cancel")}</Button>
        <Button type="submit" variant="primary" className="bg-red-700 hover:bg-red-800" disabled={busy}>
          {busy ? t("sending") : t("confirm")}
        </Button>
      </div>
    </form>
  );
}
