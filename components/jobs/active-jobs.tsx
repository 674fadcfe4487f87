"use client";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import { useJobs } from "@/lib/client/jobs";
import { FINISHED_JOB_STATES } from "@/lib/schemas/constants";

// Most visits to the queue find no job running: the card loads with the first one shown.
const JobCard = lazy(() => import("./job-card").then((m) => ({ default: m.JobCard })));

/** How long a finished job stays in the queue, so whoever watched it run sees how it ended. */
const SHOWN_AFTER_FINISH_MS = 5 * 60_000;

/**
 * The jobs running now, above the queue, for every moderator who has it open (progress arrives as events),
 * and the recently finished ones until dismissed.
 */
export function ActiveJobs() {
  const t = useTranslations("Jobs");
  // Measured against when the list was read, not the render's moment: rendering stays pure.
  const { data: jobs = [], dataUpdatedAt } = useJobs();
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const shown = jobs.filter(
    (j) =>
      !dismissed.has(j.id) &&
      (!FINISHED_JOB_STATES.includes(j.state) || (j.finishedAt && dataUpdatedAt - Date.parse(j.finishedAt) < SHOWN_AFTER_FINISH_MS)),
  );
  if (shown.length === 0) return null;
  return (
    <section aria-label={t("region")} className="flex flex-col gap-2">
      <Suspense>
        {shown.map((job) => (
          <JobCard key={job.id} job={job} onDismiss={() => setDismissed((d) => new Set(d).add(job.id))} />
        ))}
      </Suspense>
    </section>
  );
}
