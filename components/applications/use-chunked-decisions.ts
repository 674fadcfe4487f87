"use client";
import { useState } from "react";
import { ApiError } from "@/lib/client/api-error";
import { useBulkHandle, type BulkProgress } from "@/lib/client/applications";
import type { Application } from "@/lib/schemas/application";
import { problemOf, type RowWords, type useRowProblems } from "./use-row-problems";

/**
 * A selection decided in chunks of 100 (the rows the moderator ticked), with progress, and each failure shown
 * on its row. Everything a filter matches goes as one job instead (components/jobs/use-matching-job.tsx).
 */
export function useChunkedDecisions(setProblem: ReturnType<typeof useRowProblems>["setProblem"], rowWords: RowWords, onStart: () => void) {
  const bulk = useBulkHandle();
  const [progress, setProgress] = useState<{ p: BulkProgress; action: "approve" | "refuse" } | null>(null);
  async function handleMany(chosen: Application[], action: "approve" | "refuse", reason?: string) {
    onStart();
    for (const a of chosen) setProblem(a.id, null);
    const results = await bulk(
      chosen.map((a) => a.id),
      action,
      reason,
      (p) => setProgress({ p, action }),
    );
    for (const r of results) {
      if (r.ok || !r.error) continue;
      setProblem(r.id, problemOf(new ApiError(0, r.error.code, r.error.message, r.error.details), rowWords));
    }
  }
  return { progress, handleMany };
}
