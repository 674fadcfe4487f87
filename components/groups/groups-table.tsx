import Link from "next/link";
import type { Group } from "@/lib/schemas/group";
import { formatDate, JOIN_LABEL, TYPE_LABEL } from "./labels";

const COLUMNS = ["ID", "Name", "Type", "Owner", "Members / max", "Join option", "Pending", "Created"];

export function GroupsTable({ groups, loading }: { groups?: Group[]; loading: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[48rem] text-left text-sm" aria-busy={loading}>
        <caption className="sr-only">Groups</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-700 uppercase">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-semibold">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {loading && !groups && <SkeletonRows />}
          {groups?.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} className="px-3 py-8 text-center text-slate-600">
                No groups match these filters.
              </td>
            </tr>
          )}
          {groups?.map((g) => (
            <tr key={g.id} className="align-top hover:bg-slate-50">
              <td className="px-3 py-2 font-mono text-xs break-all text-slate-700">{g.id}</td>
              <td className="max-w-[18rem] px-3 py-2 font-medium [overflow-wrap:anywhere]">
                <Link href={`/groups/${encodeURIComponent(g.id)}`} className="text-indigo-700 hover:underline">
                  {g.name}
                </Link>
              </td>
              <td className="px-3 py-2">
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-800">{TYPE_LABEL[g.type]}</span>
              </td>
              <td className="px-3 py-2 break-all text-slate-700">{g.ownerId ?? <span className="text-slate-500">none</span>}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                {g.memberCount.toLocaleString("en")} / {g.maxMemberCount.toLocaleString("en")}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{JOIN_LABEL[g.joinOption]}</td>
              <td className="px-3 py-2 tabular-nums">
                {g.pendingApplications ? (
                  <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{g.pendingApplications}</span>
                ) : (
                  <span className="text-slate-500">0</span>
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-700">
                <time dateTime={g.createdAt}>{formatDate(g.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SkeletonRows() {
  return Array.from({ length: 6 }, (_, i) => (
    <tr key={i} aria-hidden="true">
      <td colSpan={COLUMNS.length} className="px-3 py-3">
        <div className="h-4 animate-pulse rounded bg-slate-100" />
      </td>
    </tr>
  ));
}
