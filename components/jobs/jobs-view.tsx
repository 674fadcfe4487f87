"use client";
import { useTranslations } from "next-intl";
import { ErrorPanel } from "@/components/ui/error-panel";
import { useJobs } from "@/lib/client/jobs";
import { JobCard } from "./job-card";

/** The recent jobs, newest first, with who started each, what it selected and how it ended; live while they run. */
export function JobsView() {
  const t = useTranslations("Jobs");
  const jobs = useJobs();
  return (
    <section aria-labelledby="jobs-heading" className="flex flex-col gap-4">
      <div>
        <h1 id="jobs-heading" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      {jobs.isError ? (
        <ErrorPanel error={jobs.error} onRetry={() => jobs.refetch()} />
      ) : (
        <div className="flex flex-col gap-2" aria-busy={jobs.isPending}>
          {jobs.data?.length === 0 && <p className="text-slate-600 dark:text-slate-400">{t("empty")}</p>}
          {jobs.data?.map((job) => (
            <JobCard key={job.id} job={job} detailed />
          ))}
        </div>
      )}
    </section>
  );
}
