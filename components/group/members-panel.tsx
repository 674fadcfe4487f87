"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { MutationError } from "@/components/ui/mutation-error";
import { Panel } from "@/components/ui/panel";
import { useMembers, useSetMemberRole, useTransferOwner } from "@/lib/client/group-detail";
import type { Group } from "@/lib/schemas/group";
import type { Member } from "@/lib/schemas/member";
import { AddMembersForm } from "./add-members-form";
import { RemoveMemberButton } from "./remove-member-button";

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function MembersPanel({ group, canEdit, canModerate }: { group: Group; canEdit: boolean; canModerate: boolean }) {
  const listed = group.type !== "AVChatRoom";
  const members = useMembers(group.id, listed);
  const setRole = useSetMemberRole(group.id);
  const transfer = useTransferOwner(group.id);
  const [confirmOwner, setConfirmOwner] = useState<string | null>(null);

  if (!listed) {
    return (
      <Panel title="Members">
        <p className="text-sm text-slate-700">
          AVChatRoom groups keep no member list: users join by themselves for each session, so members are not listed or added here. {group.memberCount.toLocaleString("en")} currently online.
        </p>
      </Panel>
    );
  }

  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const total = members.data?.pages[0]?.total ?? group.memberCount;
  const canHaveAdmins = group.type !== "Work";

  return (
    <Panel title={`Members (${total.toLocaleString("en")})`}>
      {canEdit && <AddMembersForm group={group} />}
      {members.isError ? (
        <ErrorPanel error={members.error} onRetry={() => members.refetch()} />
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Members of {group.name}</caption>
            <thead className="text-xs text-slate-700 uppercase">
              <tr>
                <th scope="col" className="px-2 py-1">User</th>
                <th scope="col" className="px-2 py-1">Role</th>
                <th scope="col" className="px-2 py-1">Joined</th>
                <th scope="col" className="px-2 py-1"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((m) => (
                <tr key={m.userId}>
                  <td className="px-2 py-1.5">
                    <span className="font-medium [overflow-wrap:anywhere]">{m.nickname || m.userId}</span>
                    <span className="block font-mono text-xs text-slate-600">{m.userId}</span>
                  </td>
                  <td className="px-2 py-1.5"><RoleBadge role={m.role} /></td>
                  <td className="px-2 py-1.5 whitespace-nowrap text-slate-700">{dateTime.format(new Date(m.joinedAt))}</td>
                  <td className="px-2 py-1.5">
                    <div className="flex flex-wrap justify-end gap-1">
                      {canEdit && canHaveAdmins && m.role !== "Owner" && (
                        <Button variant="ghost" className="text-xs" disabled={setRole.isPending} onClick={() => setRole.mutate({ userId: m.userId, role: m.role === "Admin" ? "Member" : "Admin" })}>
                          {m.role === "Admin" ? "Unmake admin" : "Make admin"}
                        </Button>
                      )}
                      {canEdit && m.role !== "Owner" && (
                        confirmOwner === m.userId ? (
                          <Button variant="primary" className="text-xs" onClick={() => transfer.mutate(m.userId, { onSettled: () => setConfirmOwner(null) })}>
                            Confirm: make {m.nickname || m.userId} the owner
                          </Button>
                        ) : (
                          <Button variant="ghost" className="text-xs" onClick={() => setConfirmOwner(m.userId)}>
                            Make owner
                          </Button>
                        )
                      )}
                      {canModerate && m.role !== "Owner" && <RemoveMemberButton group={group} member={m} />}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {members.hasNextPage && (
            <Button className="mt-2" onClick={() => members.fetchNextPage()} disabled={members.isFetchingNextPage}>
              {members.isFetchingNextPage ? "Loading…" : "Show more members"}
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

function RoleBadge({ role }: { role: Member["role"] }) {
  const style = role === "Owner" ? "bg-amber-100 text-amber-900" : role === "Admin" ? "bg-indigo-100 text-indigo-900" : "bg-slate-100 text-slate-800";
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${style}`}>{role}</span>;
}
