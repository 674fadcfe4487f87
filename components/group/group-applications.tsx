"use client";
import Link from "next/link";
import { ApplicationsList } from "@/components/applications/applications-list";
import { Panel } from "@/components/ui/panel";
import type { Group } from "@/lib/schemas/group";

export function GroupApplications({ group, canModerate }: { group: Group; canModerate: boolean }) {
  if (group.joinOption !== "NeedPermission" && !group.pendingApplications) {
    return (
      <Panel title="Pending applications">
        <p className="text-sm text-slate-700">This group takes no applications: {group.joinOption === "FreeAccess" ? "users join at once" : "users join only by invitation"}.</p>
      </Panel>
    );
  }
  return (
    <Panel
      title="Pending applications"
      actions={
        <Link href={`/applications?groupId=${encodeURIComponent(group.id)}`} className="text-sm text-indigo-700 hover:underline">
          Open in the inbox
        </Link>
      }
    >
      <ApplicationsList filters={{ groupId: group.id, status: "pending" }} canModerate={canModerate} showGroup={false} keyboard={false} />
    </Panel>
  );
}
