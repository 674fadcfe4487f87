"use client";
import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/client/api-error";
import type { BulkProgress } from "@/lib/client/applications";
import { useErrorWords } from "@/components/ui/use-error-words";

/** Progress of a bulk action and a result per item: what succeeded, and why each failure failed. */
export function BulkProgressPanel({ progress, action }: { progress: BulkProgress; action: "approve" | "refuse" }) {
  const t = useTranslations("Applications");
  const words = useErrorWords();
  const failed = progress.results.filter((r) => !r.ok);
  const ok = progress.results.length - failed.length;
  const finished = progress.done === progress.total;
  // Each failure arrives in the error contract: the same words as anywhere else.
  const why = (e: NonNullable<(typeof failed)[number]["error"]>) => words.message(new ApiError(0, e.code, e.message, e.details));
  return (
    <div
      className="rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
      role="status"
      aria-live="polite"
    >
      <div className="flex items-center gap-3">
        <progress className="h-2 flex-1" max={progress.total} value={progress.done} aria-label={t("bulkWorking", { action })} />
        <span className="tabular-nums">
          {progress.done} / {progress.total}
        </span>
      </div>
      <p className="mt-2">{t("bulkSummary", { finished: String(finished), ok, action, failed: failed.length })}</p>
      {failed.length > 0 && (
        <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5 text-red-800 dark:text-red-300">
          {failed.map((r) => (
            <li key={r.id} className="[overflow-wrap:anywhere]">
              {t("bulkFailed", { id: r.id, message: r.error ? why(r.error) : "" })} <span className="text-xs">({r.error?.code})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
