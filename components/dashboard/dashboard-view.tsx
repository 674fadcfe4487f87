import { useTranslations } from "next-intl";
import { Panel } from "@/components/ui/panel";
import type { ModerationStats } from "@/lib/schemas/stats";
import { GroupChart, ModeratorChart } from "./breakdowns";
import { DashboardLive } from "./dashboard-live";
import { DayChart } from "./day-chart";
import { Figures } from "./figures";
import { PeriodPicker } from "./period-picker";

/** The moderation dashboard (`/`): drawn on the server from the statistics, and drawn again when they change. */
export function DashboardView({ stats, days }: { stats: ModerationStats; days: number }) {
  const t = useTranslations("Dashboard");
  const period = { since: stats.perDay[0]?.date ?? "", until: stats.perDay[stats.perDay.length - 1]?.date ?? "" };
  return (
    <section aria-labelledby="dashboard-heading" className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 id="dashboard-heading" className="text-2xl font-semibold">
            {t("title")}
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("intro", { days })}</p>
        </div>
        <PeriodPicker days={days} />
      </div>
      <Figures stats={stats} period={period} />
      <Panel title={t("perDay.title")}>
        <DayChart perDay={stats.perDay} />
      </Panel>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={t("perModerator.title")}>
          <ModeratorChart perModerator={stats.perModerator} period={period} />
        </Panel>
        <Panel title={t("perGroup.title")}>
          <GroupChart perGroup={stats.perGroup} period={period} />
        </Panel>
      </div>
      <DashboardLive />
    </section>
  );
}
