import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { StackCell, StackMessage, StackRow, StackTable } from "@/components/ui/stack-table";
import type { AuditEntry } from "@/lib/schemas/audit";
import { AuditChanges } from "./audit-changes";
import { ResultBadge } from "./result-badge";

const COLUMNS = ["When", "Who", "Action", "Group", "Changes", "Result"];

export function AuditTable({ entries, loading }: { entries?: AuditEntry[]; loading: boolean }) {
  return (
    <StackTable caption="Audit log" columns={COLUMNS} busy={loading}>
      {loading && !entries && <StackMessage span={COLUMNS.length}>Loading…</StackMessage>}
      {entries?.length === 0 && <StackMessage span={COLUMNS.length}>No entries match these filters.</StackMessage>}
      {entries?.map((e) => (
        <StackRow key={e.id}>
          <StackCell label="When" className="whitespace-nowrap text-slate-700">
            <LocalTime iso={e.at} />
          </StackCell>
          <StackCell label="Who" className="[overflow-wrap:anywhere] md:min-w-[12rem]">
            {e.actor.email}
          </StackCell>
          <StackCell label="Action">
            <div>
              <span className="font-mono text-xs font-medium whitespace-nowrap">{e.action}</span>
              {e.target && <span className="block text-xs break-all text-slate-600">{e.target}</span>}
            </div>
          </StackCell>
          <StackCell label="Group" className="font-mono text-xs break-all md:min-w-[9rem]">
            {e.groupId ? (
              <Link href={`/groups/${encodeURIComponent(e.groupId)}`} className="text-indigo-700 hover:underline">
                {e.groupId}
              </Link>
            ) : (
              <span className="text-slate-500">—</span>
            )}
          </StackCell>
          <StackCell label="Changes" className="max-w-[28rem]">
            <AuditChanges before={e.before} after={e.after} />
          </StackCell>
          <StackCell label="Result">
            <ResultBadge result={e.result} />
          </StackCell>
        </StackRow>
      ))}
    </StackTable>
  );
}
