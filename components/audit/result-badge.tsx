const STYLE = { ok: "bg-emerald-100 text-emerald-900", pending: "bg-amber-100 text-amber-900", error: "bg-red-100 text-red-900" };

/** "ok", the error code the action ended with, or pending while its outcome is not known yet. */
export function ResultBadge({ result }: { result: string | null }) {
  const kind = result === null ? "pending" : result === "ok" ? "ok" : "error";
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STYLE[kind]}`}>{result ?? "pending"}</span>;
}
