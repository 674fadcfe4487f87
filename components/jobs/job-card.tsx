"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import { useCancelJob } from "@/lib/client/jobs";
import { useMe } from "@/lib/client/me";
import { FINISHED_JOB_STATES } from "@/lib/schemas/constants";
import type { Job } from "@/lib/schemas/job";
import { LocalTime } from "@/components/ui/local-time";

/** What a job selected, in words: "group @TGS#1 · “spam” · waiting over 60 min", or "every pending application". */
function describeFilter(t: ReturnType<typeof useTranslations<"Jobs">>, { filter, reason }: Job): string {
  const parts = [
    filter.groupId && t("filter.group", { id: filter.groupId }),
    filter.type && t("filter.type", { type: filter.type }),
    filter.q && t("filter.q", { q: filter.q }),
    filter.requesterId && t("filter.requester", { id: filter.requesterId }),
    filter.olderThan && t("filter.olderThan", { minutes: filter.olderThan }),
    reason && t("filter.reason", { reason }),
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : t("filter.everything");
}

/**
 * One job as everyone watching the queue sees it: who started what, how far it is (a progress bar that
 * screen readers read), Cancel for its starter or an admin, and why each failure failed once it ends.
 */
export function JobCard({ job, onDismiss, detailed = false }: { job: Job; onDismiss?: () => void; detailed?: boolean }) {
  const t = useTranslations("Jobs");
  const words = useErrorWords();
  const me = useMe().data;
  const cancel = useCancelJob();
  const finished = FINISHED_JOB_STATES.includes(job.state);
  const action = job.kind === "applications.approve" ? "approve" : "refuse";
  const mayCancel = !finished && !job.cancelRequested && !!me && (me.email === job.startedBy || me.role === "admin");
  const heading = t(finished ? "headingFinished" : "headingRunning", {
    action,
    total: job.total,
    ok: job.ok,
    name: job.startedByName || job.startedBy,
  });
  return (
    <article
      aria-label={heading}
      className="rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
      data-job-state={job.state}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 className="font-medium">{heading}</h2>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">{t(`state.${job.state}`)}</span>
        <span className="ml-auto flex gap-2">
          {mayCancel && (
            <Button className="py-1 text-xs" disabled={cancel.isPending} onClick={() => cancel.mutate(job.id)}>
              {t("cancel")}
            </Button>
          )}
          {finished && onDismiss && (
            <Button variant="ghost" className="py-1 text-xs" onClick={onDismiss} aria-label={t("dismiss", { heading })}>
              ×
            </Button>
          )}
        </span>
      </div>
      <div className="mt-2 flex items-center gap-3">
        <progress className="h-2 flex-1" max={job.total} value={job.done} aria-label={heading} />
        <span className="tabular-nums">
          {job.done} / {job.total}
        </span>
      </div>
      {/* Polite, and only the tallies: a screen reader hears the count move, not the whole card again. */}
      <p className="mt-1 text-slate-600 dark:text-slate-400" role="status" aria-live="polite">
        {t("tallies", { ok: job.ok, failed: job.failed, action, cancelling: String(job.cancelRequested && !finished) })}
      </p>
      {detailed && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          <LocalTime iso={job.startedAt} /> · {describeFilter(t, job)}
        </p>
      )}
      {cancel.isError && <p className="mt-1 text-red-700 dark:text-red-300">{words.message(cancel.error)}</p>}
      {finished && job.errors.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer">{t("failures", { count: job.failed })}</summary>
          <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5 text-red-800 dark:text-red-300">
            {job.errors.map((e) => (
              <li key={e.id} className="[overflow-wrap:anywhere]">
                {t("failure", { id: e.id, message: words.message(new ApiError(0, e.code, e.message)) })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
