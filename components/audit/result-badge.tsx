import { useTranslations } from "next-intl";

const STYLE = {
  ok: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100",
  pending: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
  error: "bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100",
};

/**
 * "ok", the error code the action ended with, pending while its outcome is not known yet, or what settlement
 * found out later from the IM server ("settled:ok", "settled:not_applied", "settled:unknown").
 */
export function ResultBadge({ result }: { result: string | null }) {
  const t = useTranslations("Audit");
  const kind = result === null || result === "settled:unknown" ? "pending" : result === "ok" || result === "settled:ok" ? "ok" : "error";
  // Results are codes (as in the CSV); only "pending" is a word.
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STYLE[kind]}`}>{result ?? t("pending")}</span>;
}
