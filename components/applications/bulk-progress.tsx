"use client";
import type { BulkProgress } from "@/lib/client/applications";

/** Progress of a bulk action and a result per item: what succeeded, and why each failure failed. */
export function BulkProgressPanel({ progress, action }: { progress: BulkProgress; action: "approve" | "refuse" }) {
  const failed = progress.results.filter((r) => !r.ok);
  const ok = progress.results.length - failed.length;
  const finished = progress.done === progress.total;
  return (
    <div className="rounded-md border border-slate-200 bg-white p-3 text-sm" role="status" aria-live="polite">
      <div className="flex items-center gap-3">
        <progress className="h-2 flex-1" max={progress.total} value={progress.done} aria-label={`${action === "approve" ? "Approving" : "Refusing"} applications`} />
        <span className="tabular-nums">
          {progress.done} / {progress.total}
        </span>
      </div>
      <p className="mt-2">
        {finished ? "Done: " : "Working: "}
        {ok} {action === "approve" ? "approved" : "refused"}
        {failed.length ? `, ${failed.length} not handled` : ""}.
      </p>
      {failed.length > 0 && (
        <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5 text-red-800">
          {failed.map((r) => (
            <li key={r.id}>
              Application {r.id}: {r.error?.message} <span className="text-xs">({r.error?.code})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
