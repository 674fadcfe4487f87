import { useTranslations } from "next-intl";
import { Age } from "@/components/ui/age";
import type { Application } from "@/lib/schemas/application";

const STYLE: Record<Application["status"], string> = {
  pending: "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
  approved: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100",
  refused: "bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100",
};

/** Who decided, how (console, app, rule) and when, and for a refusal why: the reason the requester was told, not only in the audit log. */
export function StatusBadge({ application: a }: { application: Application }) {
  const t = useTranslations("Applications");
  return (
    // One block, so on a phone's card the badge, how and why stack instead of squeezing side by side.
    <div className="min-w-0">
      <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium [overflow-wrap:anywhere] ${STYLE[a.status]}`}>
        {a.handledVia === "rule" && a.handledBy
          ? t("badgeRule", { status: a.status, rule: a.handledBy })
          : t("badge", { status: a.status, by: a.handledBy || "none" })}
      </span>
      {a.status !== "pending" && a.handledAt && (
        <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">
          {a.handledVia && `${t("decidedHow", { via: a.handledVia })} · `}
          <Age iso={a.handledAt} />
        </p>
      )}
      {a.status === "refused" && a.reason && (
        <p className="mt-1 max-w-[16rem] text-xs whitespace-pre-wrap text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">
          {t("refusedBecause", { reason: a.reason })}
        </p>
      )}
    </div>
  );
}
