"use client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { useBans, useMutes } from "@/lib/client/moderation";
import type { Group } from "@/lib/schemas/group";
import type { Member } from "@/lib/schemas/member";
import { showMessagesOf } from "./message-sender";
import { canMuteMembers } from "./can-mute";
import { useSanctionDialog } from "./use-sanction-dialog";
import { whoOf } from "./who";

// The disclosure's content is loaded when first opened.
const RecentMessages = dynamic(() => import("./recent-messages").then((m) => m.RecentMessages), { ssr: false });

const RECENT_IN_ROW = 5;

/**
 * A member's row in the members list: Mute… (Change mute… while muted; the row itself says for how long), Ban…
 * (when this IM edition has bans), and their recent messages in a disclosure, with a way to see them all in the
 * group's messages panel.
 */
export default function MemberActions({ group, member: m, canModerate }: { group: Group; member: Member; canModerate: boolean }) {
  const t = useTranslations("Moderation");
  const sanction = useSanctionDialog(group.id, group.name || group.id);
  // One request each for the whole list (the same cached query in every row).
  const mutes = useMutes(group.id, canModerate);
  const bans = useBans(group.id, canModerate);
  const [open, setOpen] = useState(false);
  const regionId = useId();
  if (!canModerate || m.role === "Owner") return null;
  const who = whoOf(t, m.nickname, m.userId);
  const target = { userId: m.userId, nickname: m.nickname };
  const muted = mutes.data?.items.find((x) => x.userId === m.userId);
  const banned = bans.data?.items.some((x) => x.userId === m.userId);
  return (
    <div className="flex flex-wrap items-center justify-end gap-1" data-testid="member-moderation">
      {canMuteMembers(group.type) && (
        <Button variant="ghost" className="text-xs" onClick={() => sanction.open("mute", target)} aria-label={t("mute.who", { who })}>
          {muted ? t("mute.again") : t("mute.label")}
        </Button>
      )}
      {bans.data?.available && !banned && (
        <Button
          variant="ghost"
          className="text-xs text-red-800 dark:text-red-300"
          onClick={() => sanction.open("ban", target)}
          aria-label={t("ban.who", { who })}
        >
          {t("ban.label")}
        </Button>
      )}
      <Button variant="ghost" className="text-xs" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((o) => !o)}>
        {t("messages.recentToggle")}
        <span className="sr-only"> {who}</span>
      </Button>
      <div id={regionId} hidden={!open} className="basis-full rounded-md border border-slate-200 p-2 text-left dark:border-slate-700">
        {open && (
          <>
            <RecentMessages groupId={group.id} userId={m.userId} limit={RECENT_IN_ROW} />
            <button
              type="button"
              className="mt-1 text-xs text-indigo-700 underline hover:no-underline dark:text-indigo-300"
              onClick={() => showMessagesOf(m.userId)}
            >
              {t("messages.allInPanel", { who })}
            </button>
          </>
        )}
      </div>
      {sanction.dialog}
    </div>
  );
}
