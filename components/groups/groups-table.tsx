import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { Group } from "@/lib/schemas/group";

const COLUMNS = ["id", "name", "type", "owner", "members", "joinOption", "pending", "created"] as const;

export function GroupsTable({ groups, loading }: { groups?: Group[]; loading: boolean }) {
  const t = useTranslations("Groups");
  const types = useTranslations("GroupTypes");
  const joins = useTranslations("JoinOptions");
  const format = useFormatter();
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <table className="w-full min-w-[48rem] text-left text-sm" aria-busy={loading}>
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-700 uppercase dark:bg-slate-800 dark:text-slate-300">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-semibold">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {loading && !groups && <SkeletonRows />}
          {groups?.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} className="px-3 py-8 text-center text-slate-600 dark:text-slate-400">
                {t("empty")}
              </td>
            </tr>
          )}
          {groups?.map((g) => (
            <tr key={g.id} className="align-top hover:bg-slate-50 dark:hover:bg-slate-800/60">
              <td className="min-w-[9rem] px-3 py-2 font-mono text-xs break-all text-slate-700 dark:text-slate-300">{g.id}</td>
              <td className="max-w-[18rem] min-w-[9rem] px-3 py-2 font-medium [overflow-wrap:anywhere]">
                <Link href={`/groups/${encodeURIComponent(g.id)}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                  {g.name}
                </Link>
              </td>
              <td className="px-3 py-2">
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-slate-800 dark:bg-slate-800 dark:text-slate-200">{types(`name.${g.type}`)}</span>
              </td>
              <td className="min-w-[8rem] px-3 py-2 break-all text-slate-700 dark:text-slate-300">{g.ownerId ?? <span className="text-slate-500 dark:text-slate-400">{t("none")}</span>}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                {format.number(g.memberCount)} / {format.number(g.maxMemberCount)}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{joins(`name.${g.joinOption}`)}</td>
              <td className="px-3 py-2 tabular-nums">
                {g.pendingApplications ? (
                  <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">{format.number(g.pendingApplications)}</span>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">0</span>
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-700 dark:text-slate-300">
                <time dateTime={g.createdAt}>{format.dateTime(new Date(g.createdAt), { dateStyle: "medium" })}</time>
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
        <div className="h-4 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
      </td>
    </tr>
  ));
}
