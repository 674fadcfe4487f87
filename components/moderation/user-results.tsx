import type { ModerationResult } from "@/lib/schemas/moderation";

/**
 * Every user a mute or ban named, each marked done or not with its words. The group page's add/notify lists look
 * the same; this one lives here so that moderation imports nothing of the group page, which imports it.
 */
export function UserResults({
  summary,
  results,
  words,
}: {
  summary: string;
  results: ModerationResult[];
  words: (r: ModerationResult) => string;
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
