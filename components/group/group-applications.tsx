"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ApplicationsList } from "@/components/applications/applications-list";
import { Panel } from "@/components/ui/panel";
import type { Group } from "@/lib/schemas/group";

export function GroupApplications({ group, canModerate, canEdit }: { group: Group; canModerate: boolean; canEdit: boolean }) {
  const t = useTranslations("GroupApplications");
  if (group.joinOption !== "NeedPermission" && !group.pendingApplications) {
    return (
      <Panel title={t("title")}>
        <p className="text-sm text-slate-700 dark:text-slate-300">{group.joinOption === "FreeAccess" ? t("noneFree") : t("noneInvite")}</p>
      </Panel>
    );
  }
  return (
    <Panel
      title={t("title")}
      actions={
        <Link
          href={`/applications?groupId=${encodeURIComponent(group.id)}`}
          className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {t("openInbox")}
        </Link>
      }
    >
      <ApplicationsList
        filters={{ groupId: group.id, status: "pending" }}
        canModerate={canModerate}
        canEdit={canEdit}
        showGroup={false}
        keyboard={false}
      />
    </Panel>
  );
}
