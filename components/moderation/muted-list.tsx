"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import { useMute, useMutes } from "@/lib/client/moderation";
import type { Group } from "@/lib/schemas/group";
import type { MutedMember } from "@/lib/schemas/moderation";
import { canMuteMembers } from "./can-mute";
import { sayModeration } from "./status";
import { TimeLeftText } from "./time-left-text";
import { whoOf } from "./who";

/** Who is muted now and for how long, each with Unmute; for moderators, a way to mute members by ID. */
export function MutedList({ group, canModerate, onMute }: { group: Group; canModerate: boolean; onMute: () => void }) {
  const t = useTranslations("Moderation");
  const types = useTranslations("GroupTypes");
  const mutes = useMutes(group.id);
  const items = mutes.data?.items ?? [];
  const allowed = canMuteMembers(group.type);
  const headingId = useId();
  if (mutes.error instanceof ApiError && mutes.error.code === "forbidden") return null;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2" data-testid="muted-list">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold">
          {mutes.data ? t("muted.headingCount", { count: items.length }) : t("muted.heading")}
        </h3>
        {canModerate && allowed && (
          <Button className="text-xs" onClick={onMute}>
            {t("mute.many")}
          </Button>
        )}
      </div>
      {!allowed && (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="mute-not-offered">
          {t("muted.notForType", { type: types(`name.${group.type}`) })}
        </p>
      )}
      {mutes.isError ? (
        <ErrorPanel error={mutes.error} onRetry={() => mutes.refetch()} />
      ) : !mutes.data ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-busy="true">
          {t("loading")}
        </p>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("muted.empty")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {items.map((m) => (
            <MutedRow key={m.userId} group={group} member={m} canModerate={canModerate && allowed} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MutedRow({ group, member: m, canModerate }: { group: Group; member: MutedMember; canModerate: boolean }) {
  const t = useTranslations("Moderation");
  const words = useErrorWords();
  const unmute = useMute(group.id);
  const who = whoOf(t, m.nickname, m.userId);
  const unmuteNow = () =>
    unmute.mutate(
      { userIds: [m.userId], seconds: 0 },
      {
        onSuccess: ({ results }) => {
          const r = results[0];
          if (r?.ok) sayModeration(t("unmute.done", { who }));
          else sayModeration(t("unmute.failed", { who, error: r?.error?.message ?? "" }), true);
        },
        onError: (err) => sayModeration(t("unmute.failed", { who, error: words.message(err) }), true),
      },
    );
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-1.5" data-user-id={m.userId}>
      <span className="min-w-0">
        <span className="font-medium [overflow-wrap:anywhere]">{m.nickname || m.userId}</span>{" "}
        <span className="font-mono text-xs break-all text-slate-600 dark:text-slate-400">{m.userId}</span>
        <span className="block text-xs text-slate-700 dark:text-slate-300">
          <TimeLeftText until={m.until} />
        </span>
      </span>
      {canModerate && (
        <Button className="text-xs" disabled={unmute.isPending} onClick={unmuteNow} aria-label={t("unmute.who", { who })}>
          {t("unmute.label")}
        </Button>
      )}
    </li>
  );
}
