"use client";
import { useTranslations } from "next-intl";
import { TimeLeftText } from "@/components/moderation/time-left-text";
import type { AppUserContext } from "@/lib/schemas/app-user";

/**
 * The requester's mutes and bans beside their application: a moderator deciding whether to let someone in wants to
 * know they were banned from a sister group last week. Nothing is drawn when there are none.
 */
export function ApplicantSanctions({ context: c }: { context: AppUserContext }) {
  const t = useTranslations("Applicant");
  if (c.sanctions.length === 0) return null;
  const nameOf = (groupId: string) => c.groups.items.find((g) => g.id === groupId)?.name || groupId;
  return (
    <section aria-label={t("sanctions")} data-testid="applicant-sanctions">
      <h3 className="font-semibold">{t("sanctions")}</h3>
      <ul className="mt-1 flex flex-col gap-1">
        {c.sanctions.map((s) => (
          <li key={`${s.kind}:${s.groupId}`} className="[overflow-wrap:anywhere]">
            <span className="font-medium text-rose-800 dark:text-rose-300">
              {t(s.kind === "mute" ? "mutedIn" : "bannedFrom", { group: nameOf(s.groupId) })}
            </span>{" "}
            · <TimeLeftText until={s.until} />
            {s.reason ? ` · “${s.reason}”` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
