"use client";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { MemberModeration } from "@/components/moderation/member-moderation";
import { TimeLeftText } from "@/components/moderation/time-left-text";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { LocalTime } from "@/components/ui/local-time";
import { MutationError } from "@/components/ui/mutation-error";
import { Panel } from "@/components/ui/panel";
import { useSetMemberRole, useTransferOwner } from "@/lib/client/group-detail";
import { useMembers } from "@/lib/client/members";
import type { MemberListFilters } from "@/lib/client/query-keys";
import type { Group } from "@/lib/schemas/group";
import type { Member } from "@/lib/schemas/member";
import { AddMembersForm } from "./add-members-form";
import { MembersToolbar } from "./members-toolbar";
import { RemoveMemberButton } from "./remove-member-button";

export function MembersPanel({ group, canEdit, canModerate }: { group: Group; canEdit: boolean; canModerate: boolean }) {
  const listed = group.type !== "AVChatRoom";
  const [filters, setFilters] = useState<MemberListFilters>({});
  const members = useMembers(group.id, filters, listed);
  const setRole = useSetMemberRole(group.id);
  const transfer = useTransferOwner(group.id);
  const [confirmOwner, setConfirmOwner] = useState<string | null>(null);
  const changeFilters = useCallback((next: MemberListFilters) => setFilters(next), []);
  const t = useTranslations("Members");
  const common = useTranslations("Common");

  if (!listed) {
    return (
      <Panel title={t("title")}>
        <p className="text-sm text-slate-700 dark:text-slate-300">{t("avNote", { count: group.memberCount })}</p>
      </Panel>
    );
  }

  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const first = members.data?.pages[0];
  const filtered = Boolean(filters.q || filters.role || filters.muted);
  const canHaveAdmins = group.type !== "Work";

  return (
    <Panel title={t("titleCount", { count: filtered ? group.memberCount : (first?.total ?? group.memberCount) })}>
      {canEdit && <AddMembersForm group={group} />}
      <MembersToolbar groupId={group.id} filters={filters} onChange={changeFilters} />
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {first && filtered ? t("matchCount", { count: first.total }) : null}
        {first?.details?.partial ? ` ${t("partialNote", { scanned: first.details.scanned })}` : null}
      </p>
      {members.isError ? (
        <ErrorPanel error={members.error} onRetry={() => members.refetch()} />
      ) : (
        <div className="relative mt-1 overflow-x-auto" aria-busy={members.isFetching}>
          <table className="w-full text-left text-sm sm:min-w-[36rem]">
            <caption className="sr-only">{t("caption", { name: group.name })}</caption>
            <thead className="text-xs text-slate-700 uppercase dark:text-slate-300">
              <tr>
                <th scope="col" className="px-2 py-1">
                  {t("user")}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t("role")}
                </th>
                {/* At phone width the join date moves under the name, so the row's actions fit without scrolling sideways. */}
                <th scope="col" className="hidden px-2 py-1 sm:table-cell">
                  {t("joined")}
                </th>
                <th scope="col" className="px-2 py-1">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {items.map((m) => (
                <tr key={m.userId}>
                  <td className="px-2 py-1.5">
                    <span className="font-medium [overflow-wrap:anywhere]">{m.nickname || m.userId}</span>
                    <span className="block font-mono text-xs break-all text-slate-600 dark:text-slate-400">{m.userId}</span>
                    <span className="block text-xs text-slate-600 sm:hidden dark:text-slate-400">
                      {t("joined")} <LocalTime iso={m.joinedAt} time="short" />
                    </span>
                    {m.mutedUntil !== undefined && <MutedBadge until={m.mutedUntil} />}
                  </td>
                  <td className="px-2 py-1.5">
                    <RoleBadge role={m.role} />
                  </td>
                  <td className="hidden px-2 py-1.5 whitespace-nowrap text-slate-700 sm:table-cell dark:text-slate-300">
                    <LocalTime iso={m.joinedAt} time="short" />
                  </td>
                  <td className="px-2 py-1.5">
                    <div className="flex flex-wrap justify-end gap-1">
                      {canEdit && canHaveAdmins && m.role !== "Owner" && (
                        <Button
                          variant="ghost"
                          className="text-xs"
                          disabled={setRole.isPending}
                          onClick={() => setRole.mutate({ userId: m.userId, role: m.role === "Admin" ? "Member" : "Admin" })}
                        >
                          {m.role === "Admin" ? t("unmakeAdmin") : t("makeAdmin")}
                        </Button>
                      )}
                      {canEdit &&
                        m.role !== "Owner" &&
                        (confirmOwner === m.userId ? (
                          <Button
                            variant="primary"
                            className="text-xs"
                            onClick={() => transfer.mutate(m.userId, { onSettled: () => setConfirmOwner(null) })}
                          >
                            {t("confirmOwner", { name: m.nickname || m.userId })}
                          </Button>
                        ) : (
                          <Button variant="ghost" className="text-xs" onClick={() => setConfirmOwner(m.userId)}>
                            {t("makeOwner")}
                          </Button>
                        ))}
                      <MemberModeration group={group} member={m} canModerate={canModerate} />
                      {canModerate && m.role !== "Owner" && <RemoveMemberButton group={group} member={m} />}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {first && filtered && items.length === 0 && (
            <p className="px-2 py-3 text-sm text-slate-600 dark:text-slate-400">{t("noMatches")}</p>
          )}
          {members.hasNextPage && (
            <Button className="mt-2" onClick={() => members.fetchNextPage()} disabled={members.isFetchingNextPage}>
              {members.isFetchingNextPage ? common("loading") : t("showMore")}
            </Button>
          )}
        </div>
      )}
      <div className="mt-2 flex flex-col gap-2">
        <MutationError error={setRole.error} />
        <MutationError error={transfer.error} />
      </div>
    </Panel>
  );
}

const ROLE_STYLE: Record<Member["role"], string> = {
  Owner: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
  Admin: "bg-indigo-100 text-indigo-900 dark:bg-indigo-900/60 dark:text-indigo-100",
  Member: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
};

function RoleBadge({ role }: { role: Member["role"] }) {
  const t = useTranslations("Members");
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${ROLE_STYLE[role]}`}>{t(`roles.${role}`)}</span>;
}

/** Muted, and for how much longer (kept current), for everyone who can see the list. */
function MutedBadge({ until }: { until: string | null }) {
  const t = useTranslations("Members");
  return (
    <span className="mt-1 inline-block rounded bg-rose-100 px-1.5 py-0.5 text-xs font-medium text-rose-900 dark:bg-rose-900/60 dark:text-rose-100">
      {t("muted")} · <TimeLeftText until={until} />
    </span>
  );
}
