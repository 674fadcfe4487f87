import type { ReactNode } from "react";

type Result = { userId: string; ok: boolean };

/** Every user a request named, each marked done or not with its words: one list for adding and notifying. */
export function PerUserResults<R extends Result>({
  summary,
  results,
  words,
}: {
  summary: string;
  results: R[];
  words: (r: R) => ReactNode;
}) {
  return (
    <div role="status" className="text-sm">
      <p className="font-medium">{summary}</p>
      <ul>
        {results.map((r) => (
          <li key={r.userId} className={r.ok ? "text-slate-800 dark:text-slate-200" : "text-red-800 dark:text-red-300"}>
            <span aria-hidden="true">{r.ok ? "✓ " : "✗ "}</span>
            <span className="font-mono">{r.userId}</span>: {words(r)}
          </li>
        ))}
      </ul>
    </div>
  );
}
