import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { StackCell, StackMessage, StackRow, StackTable } from "@/components/ui/stack-table";
import type { Group } from "@/lib/schemas/group";

const COLUMNS = ["id", "name", "type", "owner", "members", "joinOption", "pending", "created"] as const;

/** The directory's page of groups: a table, and labelled cards on a phone (no sideways scrolling). */
export function GroupsTable({ groups, loading }: { groups?: Group[]; loading: boolean }) {
  const t = useTranslations("Groups");
  const types = useTranslations("GroupTypes");
  const joins = useTranslations("JoinOptions");
  const format = useFormatter();
  const label = (c: (typeof COLUMNS)[number]) => t(`columns.${c}`);
  return (
    <StackTable caption={t("caption")} columns={COLUMNS.map(label)} busy={loading}>
      {loading && !groups && <SkeletonRows />}
      {groups?.length === 0 && <StackMessage span={COLUMNS.length}>{t("empty")}</StackMessage>}
      {groups?.map((g) => (
        <StackRow key={g.id}>
          <StackCell label={label("id")} className="font-mono text-xs break-all text-slate-700 md:min-w-[9rem] dark:text-slate-300">
            {g.id}
          </StackCell>
          <StackCell label={label("name")} className="font-medium [overflow-wrap:anywhere] md:max-w-[18rem] md:min-w-[9rem]">
            <Link href={`/groups/${encodeURIComponent(g.id)}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
              {g.name}
            </Link>
          </StackCell>
          <StackCell label={label("type")}>
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-slate-800 dark:bg-slate-800 dark:text-slate-200">
              {types(`name.${g.type}`)}
            </span>
          </StackCell>
          <StackCell label={label("owner")} className="break-all text-slate-700 md:min-w-[8rem] dark:text-slate-300">
            {g.ownerId ? (
              <Link
                href={`/groups?q=${encodeURIComponent(g.ownerId)}`}
                title={t("ownedBy", { owner: g.ownerId })}
                className="text-indigo-700 hover:underline dark:text-indigo-300"
              >
                {g.ownerId}
              </Link>
            ) : (
              <span className="text-slate-500 dark:text-slate-400">{t("none")}</span>
            )}
          </StackCell>
          <StackCell label={label("members")} className="tabular-nums md:whitespace-nowrap">
            {format.number(g.memberCount)} / {format.number(g.maxMemberCount)}
          </StackCell>
          <StackCell label={label("joinOption")} className="md:whitespace-nowrap">
            {joins(`name.${g.joinOption}`)}
          </StackCell>
          <StackCell label={label("pending")} className="tabular-nums">
            {g.pendingApplications ? (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
                {format.number(g.pendingApplications)}
              </span>
            ) : (
              <span className="text-slate-500 dark:text-slate-400">0</span>
            )}
          </StackCell>
          <StackCell label={label("created")} className="text-slate-700 md:whitespace-nowrap dark:text-slate-300">
            <time dateTime={g.createdAt}>{format.dateTime(new Date(g.createdAt), { dateStyle: "medium" })}</time>
          </StackCell>
        </StackRow>
      ))}
    </StackTable>
  );
}

function SkeletonRows() {
  return Array.from({ length: 6 }, (_, i) => (
    <tr key={i} aria-hidden="true" className="max-md:block">
      <td colSpan={COLUMNS.length} className="px-3 py-3 max-md:block">
        <div className="h-4 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
      </td>
    </tr>
  ));
}
