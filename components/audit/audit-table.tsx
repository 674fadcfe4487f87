import Link from "next/link";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import { StackCell, StackMessage, StackRow, StackTable } from "@/components/ui/stack-table";
import type { AuditEntry } from "@/lib/schemas/audit";
import { AuditChanges } from "./audit-changes";
import { ResultBadge } from "./result-badge";

const COLUMNS = ["when", "who", "action", "group", "changes", "result"] as const;

export function AuditTable({ entries, loading }: { entries?: AuditEntry[]; loading: boolean }) {
  const t = useTranslations("Audit");
  const common = useTranslations("Common");
  // Actions in the reader's words; one this version does not know keeps its code.
  const actionName = (code: string) => (t.has(`actionNames.${code.replace(".", "_")}`) ? t(`actionNames.${code.replace(".", "_")}`) : code);
  const label = (c: (typeof COLUMNS)[number]) => t(`columns.${c}`);
  return (
    <StackTable caption={t("caption")} columns={COLUMNS.map(label)} busy={loading}>
      {loading && !entries && <StackMessage span={COLUMNS.length}>{common("loading")}</StackMessage>}
      {entries?.length === 0 && <StackMessage span={COLUMNS.length}>{t("empty")}</StackMessage>}
      {entries?.map((e) => (
        <StackRow key={e.id}>
          <StackCell label={label("when")} className="whitespace-nowrap text-slate-700 dark:text-slate-300">
            <LocalTime iso={e.at} />
          </StackCell>
          <StackCell label={label("who")} className="[overflow-wrap:anywhere] md:min-w-[12rem]">
            {e.actor.email}
          </StackCell>
          <StackCell label={label("action")}>
            <div>
              <span className="text-sm font-medium">{actionName(e.action)}</span>
              {/* The code too, as support and the CSV know it. */}
              <span className="block font-mono text-xs whitespace-nowrap text-slate-600 dark:text-slate-400">{e.action}</span>
              {e.target && <span className="block text-xs break-all text-slate-600 dark:text-slate-400">{e.target}</span>}
            </div>
          </StackCell>
          <StackCell label={label("group")} className="font-mono text-xs break-all md:min-w-[9rem]">
            {e.groupId ? (
              <Link href={`/groups/${encodeURIComponent(e.groupId)}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                {e.groupId}
              </Link>
            ) : (
              <span className="text-slate-500 dark:text-slate-400">—</span>
            )}
          </StackCell>
          <StackCell label={label("changes")} className="max-w-[28rem]">
            <AuditChanges before={e.before} after={e.after} />
          </StackCell>
          <StackCell label={label("result")}>
            <ResultBadge result={e.result} />
          </StackCell>
        </StackRow>
      ))}
    </StackTable>
  );
}
