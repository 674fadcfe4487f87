import { useTranslations } from "next-intl";
import { auditChanges, type AuditChange } from "@/lib/client/audit-diff";

const SHOWN = 4;

function ChangeLine({ c }: { c: AuditChange }) {
  const t = useTranslations("Audit");
  return (
    <li className="[overflow-wrap:anywhere]">
      {c.key && <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{c.key}: </span>}
      {c.before !== undefined && <del className="text-red-800 decoration-red-400 dark:text-red-300">{c.before}</del>}
      {c.before !== undefined && c.after !== undefined && <span aria-hidden="true"> → </span>}
      {c.before !== undefined && c.after !== undefined && <span className="sr-only"> {t("changedTo")} </span>}
      {c.after !== undefined && <ins className="text-emerald-800 no-underline dark:text-emerald-300">{c.after}</ins>}
    </li>
  );
}

/** Before → after, only the keys that changed; long lists fold after a few lines. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const t = useTranslations("Audit");
  const changes = auditChanges(before, after);
  if (!changes.length) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  const rest = changes.slice(SHOWN);
  return (
    <div className="text-sm">
      <ul className="flex flex-col gap-0.5">
        {changes.slice(0, SHOWN).map((c) => (
          <ChangeLine key={c.key} c={c} />
        ))}
      </ul>
      {rest.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-indigo-700 dark:text-indigo-300">{t("more", { count: rest.length })}</summary>
          <ul className="mt-0.5 flex flex-col gap-0.5">
            {rest.map((c) => (
              <ChangeLine key={c.key} c={c} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
