"use client";
import { useTranslations } from "next-intl";
import { ErrorPanel } from "@/components/ui/error-panel";
import { useRecentMessages } from "@/lib/client/moderation";
import { MessageItem } from "./message-item";

/** A member's few latest messages in one group (newest first), read-only: recalling happens in the group's panel. */
export function RecentMessages({ groupId, userId, limit, heading }: { groupId: string; userId: string; limit: number; heading?: string }) {
  const t = useTranslations("Moderation.messages");
  const recent = useRecentMessages(groupId, userId, limit);
  const items = recent.data?.items ?? [];
  return (
    <div className="flex flex-col gap-1" data-testid="recent-messages">
      {heading && <h4 className="text-xs font-semibold [overflow-wrap:anywhere]">{heading}</h4>}
      {recent.isError ? (
        <ErrorPanel error={recent.error} onRetry={() => recent.refetch()} />
      ) : recent.isPending ? (
        <p className="text-xs text-slate-600 dark:text-slate-400" aria-busy="true">
          {t("loading")}
        </p>
      ) : items.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("noneRecent")}</p>
      ) : (
        <ol className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800" aria-label={heading ?? t("recentToggle")}>
          {items.map((m) => (
            <MessageItem key={m.seq} message={m} chosen={false} canChoose={false} />
          ))}
        </ol>
      )}
    </div>
  );
}
