"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { LocalTime } from "@/components/ui/local-time";
import { useErrorWords } from "@/components/ui/use-error-words";
import { ApiError } from "@/lib/client/api-error";
import { useBans, useUnban } from "@/lib/client/moderation";
import type { Group } from "@/lib/schemas/group";
import type { BannedMember } from "@/lib/schemas/moderation";
import { sayModeration } from "./status";
import { TimeLeftText } from "./time-left-text";
import { whoOf } from "./who";

/**
 * Who is banned, until when and why, each with Unban. When this IM edition has no bans, one quiet note says so
 * instead, and no ban action is offered anywhere (every one asks `useBans(…).data.available`).
 */
export function BanList({ group, canModerate, onBan }: { group: Group; canModerate: boolean; onBan: () => void }) {
  const t = useTranslations("Moderation");
  const bans = useBans(group.id);
  const headingId = useId();
  if (bans.error instanceof ApiError && bans.error.code === "forbidden") return null;
  if (bans.data && !bans.data.available)
    return (
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="bans-unavailable">
        {t("banned.unavailable")}
      </p>
    );
  const items = bans.data?.items ?? [];
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2" data-testid="ban-list">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold">
          {bans.data ? t("banned.headingCount", { count: items.length }) : t("banned.heading")}
        </h3>
        {canModerate && bans.data && (
          <Button className="text-xs" onClick={onBan}>
            {t("ban.many")}
          </Button>
        )}
      </div>
      {bans.isError ? (
        <ErrorPanel error={bans.error} onRetry={() => bans.refetch()} />
      ) : !bans.data ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-busy="true">
          {t("loading")}
        </p>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("banned.empty")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {items.map((b) => (
            <BannedRow key={b.userId} group={group} ban={b} canModerate={canModerate} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BannedRow({ group, ban: b, canModerate }: { group: Group; ban: BannedMember; canModerate: boolean }) {
  const t = useTranslations("Moderation");
  const words = useErrorWords();
  const unban = useUnban(group.id);
  const who = whoOf(t, b.nickname, b.userId);
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-1.5" data-user-id={b.userId}>
      <span className="min-w-0">
        <span className="font-medium [overflow-wrap:anywhere]">{b.nickname || b.userId}</span>{" "}
        <span className="font-mono text-xs break-all text-slate-600 dark:text-slate-400">{b.userId}</span>
        <span className="block text-xs text-slate-700 dark:text-slate-300">
          {b.until ? (
            t.rich("banned.until", { time: () => <LocalTime iso={b.until!} time="short" />, left: () => <TimeLeftText until={b.until} /> })
          ) : (
            <TimeLeftText until={null} />
          )}
        </span>
        {b.reason && (
          <span className="block text-xs whitespace-pre-wrap text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">
            “{b.reason}”
          </span>
        )}
      </span>
      {canModerate && (
        <Button
          className="text-xs"
          disabled={unban.isPending}
          aria-label={t("unban.who", { who })}
          onClick={() =>
            unban.mutate(b.userId, {
              onSuccess: () => sayModeration(t("unban.done", { who })),
              onError: (err) => sayModeration(t("unban.failed", { who, error: words.message(err) }), true),
            })
          }
        >
          {t("unban.label")}
        </Button>
      )}
    </li>
  );
}
