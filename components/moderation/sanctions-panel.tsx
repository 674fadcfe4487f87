"use client";
import { useTranslations } from "next-intl";
import { Panel } from "@/components/ui/panel";
import type { Group } from "@/lib/schemas/group";
import { BanList } from "./ban-list";
import { MuteAllSwitch } from "./mute-all-switch";
import { MutedList } from "./muted-list";
import { useSanctionDialog } from "./use-sanction-dialog";

/** A group's page: mute-all, who is muted and who is banned, and the ways to change that. */
export default function SanctionsPanel({ group, canEdit, canModerate }: { group: Group; canEdit: boolean; canModerate: boolean }) {
  const t = useTranslations("Moderation");
  const sanction = useSanctionDialog(group.id, group.name || group.id);
  return (
    <div data-testid="sanctions-panel">
      <Panel title={t("panelTitle")}>
        <div className="flex flex-col gap-4">
          <MuteAllSwitch group={group} canEdit={canEdit} />
          <MutedList group={group} canModerate={canModerate} onMute={() => sanction.open("mute", null)} />
          <BanList group={group} canModerate={canModerate} onBan={() => sanction.open("ban", null)} />
        </div>
        {sanction.dialog}
      </Panel>
    </div>
  );
}
