"use client";
import { useErrorWords } from "./use-error-words";

/** A refused change in the reader's words, with the codes for support. */
export function MutationError({ error }: { error: unknown }) {
  const words = useErrorWords();
  if (!error) return null;
  const codes = words.codes(error);
  return (
    <p role="alert" className="rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
      {words.message(error)}
      {codes && <span className="block text-xs">{codes}</span>}
    </p>
  );
}
