"use client";
import { useState } from "react";
import { ApiError } from "@/lib/client/api-error";
import type { RowProblem } from "./application-row";

const GROUP_FULL = 10014;

/** What went wrong on each row, by application ID: the row says it until the next try. */
export function useRowProblems() {
  const [problems, setProblems] = useState<Map<string, RowProblem>>(new Map());
  const setProblem = (id: string, problem: RowProblem | null) =>
    setProblems((m) => {
      const next = new Map(m);
      if (problem) next.set(id, problem);
      else next.delete(id);
      return next;
    });
  return { problems, setProblem };
}

/**
 * A failed decision as its row says it: the error in the reader's words; a full group (IM code 10014) offers to
 * raise the limit; another moderator reviewing it (409 `claimed`) names them and offers `anyway`.
 */
export type RowWords = { message: (err: unknown) => string; reviewing: (name: string) => string };

export function problemOf(err: unknown, words: RowWords, anyway?: { label: string; run: () => void }): RowProblem {
  const api = err instanceof ApiError ? err : undefined;
  const reviewer = api?.code === "claimed" ? (api.details as { name?: string } | undefined)?.name : undefined;
  return {
    text: reviewer ? words.reviewing(reviewer) : words.message(err),
    full: api?.imCode === GROUP_FULL,
    ...(api?.code === "claimed" && anyway ? { anyway } : {}),
  };
}
