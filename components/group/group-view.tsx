"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { MessagesPanel, ModerationStatus, SanctionsPanel } from "@/components/moderation/lazy";
import { ErrorPanel } from "@/components/ui/error-panel";
import { ApiError } from "@/lib/client/api-error";
import { useGroup } from "@/lib/client/group-detail";
import { DangerZone } from "./danger-zone";
import { GroupApplications } from "./group-applications";
import { JoinSettings } from "./join-settings";
import { MembersPanel } from "./members-panel";
import { NotifyForm } from "./notify-form";
import { ProfileCard } from "./profile-card";
import { RecentEvents } from "./recent-events";

/** One group: profile, join settings, members, pending applications; editing for admins, handling for moderators. */
export function GroupView({ id, canEdit, canModerate }: { id: string; canEdit: boolean; canModerate: boolean }) {
  const t = useTranslations("Group");
  const types = useTranslations("GroupTypes");
  const group = useGroup(id);
  if (group.isError && !group.data) {
    if (group.error instanceof ApiError && group.error.code === "not_found") {
      return (
        <div role="alert" className="rounded-md border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900">
          <p className="font-medium">{t("gone")}</p>
          <Link href="/groups" className="mt-2 inline-block text-indigo-700 hover:underline dark:text-indigo-300">
            {t("backToGroups")}
          </Link>
        </div>
      );
    }
    return <ErrorPanel error={group.error} onRetry={() => group.refetch()} />;
  }
  if (!group.data) return <p aria-busy="true">{t("loading")}</p>;
  const g = group.data;
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("breadcrumb")} className="text-sm [overflow-wrap:anywhere]">
        <Link href="/groups" className="text-indigo-700 underline dark:text-indigo-300">
          {t("groups")}
        </Link>
        <span aria-hidden="true"> / </span>
        <span className="font-mono text-slate-700 dark:text-slate-300">{g.id}</span>
      </nav>
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 className="min-w-0 text-2xl font-semibold [overflow-wrap:anywhere]">{g.name}</h1>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-800 dark:bg-slate-800 dark:text-slate-200">
          {types(`name.${g.type}`)}
        </span>
      </header>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <ProfileCard group={g} canEdit={canEdit} />
          <GroupApplications group={g} canModerate={canModerate} canEdit={canEdit} />
          <MembersPanel group={g} canEdit={canEdit} canModerate={canModerate} />
          {canModerate && <MessagesPanel group={g} />}
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <JoinSettings group={g} canEdit={canEdit} />
          <SanctionsPanel group={g} canEdit={canEdit} canModerate={canModerate} />
          <RecentEvents groupId={g.id} />
          {canEdit && <NotifyForm group={g} />}
          {canEdit && <DangerZone group={g} />}
        </div>
      </div>
      <ModerationStatus />
    </div>
  );
}
