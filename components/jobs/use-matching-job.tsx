"use client";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import { jobFilterOf, useStartJob, type StartJobInput } from "@/lib/client/jobs";
import type { ApplicationListFilters } from "@/lib/client/query-keys";

/**
 * Deciding every application the queue's filters match, not just the page: one job (docs/jobs.md). The
 * moderator agreed to the number they saw; if the filter matches another number by now (409 `stale`), they
 * are asked again with the new one before anything is decided.
 */
export function useMatchingJob(filters: ApplicationListFilters, say: (text: string, error?: boolean) => void, onStarted: () => void) {
  const t = useTranslations("Jobs");
  const words = useErrorWords();
  const start = useStartJob();
  // What the moderator is asked before anything starts: to confirm approving them all, or again with a new count.
  const [stale, setStale] = useState<(StartJobInput & { seen: number; why: "confirm" | "stale" }) | null>(null);

  function run(input: StartJobInput, seen = input.expectTotal) {
    start.mutate(input, {
      onSuccess: (job) => {
        onStarted();
        say(t("started", { action: input.action, total: job.total }));
      },
      onError: (err) => {
        const total = (err instanceof ApiError && err.code === "stale" && (err.details as { total?: number } | undefined)?.total) || null;
        if (total !== null) setStale({ ...input, expectTotal: total, seen, why: "stale" });
        else say(t("notStarted", { error: words.message(err) }), true);
      },
    });
  }

  const dialog: ReactNode = (
    <Dialog
      open={stale !== null}
      onOpenChange={(o) => !o && setStale(null)}
      title={stale?.why === "confirm" ? t("approveAllTitle", { total: stale.expectTotal }) : t("staleTitle")}
      description={
        stale?.why === "confirm"
          ? t("approveAllDescription")
          : stale
            ? t("staleDescription", { seen: stale.seen, total: stale.expectTotal, action: stale.action })
            : ""
      }
    >
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={() => setStale(null)}>{t("staleKeep")}</Button>
        <Button
          variant="primary"
          onClick={() => {
            if (stale) run(stale, stale.seen);
            setStale(null);
          }}
        >
          {stale ? t("staleGo", { action: stale.action, total: stale.expectTotal }) : ""}
        </Button>
      </div>
    </Dialog>
  );

  return {
    /** Starts the job over the current filters, having shown the moderator `expectTotal`. */
    start: (action: "approve" | "refuse", expectTotal: number, reason?: string) => {
      const input = { filter: jobFilterOf(filters), action, reason, expectTotal };
      // Refusing asks in its own dialog (with the reason); approving everything a filter matches asks here.
      if (action === "approve") setStale({ ...input, seen: expectTotal, why: "confirm" });
      else run(input);
    },
    dialog,
  };
}
