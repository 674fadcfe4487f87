"use client";
import { useTranslations } from "next-intl";
import { useAppUserContext } from "@/lib/client/app-users";
import type { Application } from "@/lib/schemas/application";
import { RecentMessages } from "./recent-messages";

const GROUPS_SHOWN = 3;
const MESSAGES_EACH = 3;

/**
 * In the applicant's context panel, for moderators: what the applicant said lately in the first few groups they
 * are in ("Refuse and ban" is on the application's row).
 */
export default function ApplicantModeration({ application: a }: { application: Application }) {
  const t = useTranslations("Moderation");
  const context = useAppUserContext(a.requesterId);
  // AVChatRoom groups keep no message history.
  const groups = (context.data?.groups.items ?? []).filter((g) => g.type !== "AVChatRoom").slice(0, GROUPS_SHOWN);
  return (
    <div className="flex flex-col gap-4 text-sm" data-testid="applicant-moderation">
      {groups.length > 0 && (
        <section aria-label={t("applicantMessages")}>
          <h3 className="font-semibold">{t("applicantMessages")}</h3>
          <div className="mt-1 flex flex-col gap-3">
            {groups.map((g) => (
              <RecentMessages key={g.id} groupId={g.id} userId={a.requesterId} limit={MESSAGES_EACH} heading={g.name || g.id} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
