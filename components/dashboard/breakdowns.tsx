import { useFormatter, useTranslations } from "next-intl";
import type { ModerationStats } from "@/lib/schemas/stats";
import { BarRows } from "./bar-rows";
import { ChartFrame, Legend } from "./chart-frame";
import { durationParts } from "./durations";
import { decidedHref, pendingHref, receivedHref, type Period } from "./queue-links";

const TOP = 10;

export function useDuration() {
  const format = useFormatter();
  return (seconds: number | null) => {
    if (seconds === null) return "—";
    const { value, unit } = durationParts(seconds);
    return format.number(value, { style: "unit", unit, unitDisplay: "short" });
  };
}

/** The moderators who decided most in the console in the period: approvals and refusals, and their median time. */
export function ModeratorChart({ perModerator, period }: { perModerator: ModerationStats["perModerator"]; period: Period }) {
  const t = useTranslations("Dashboard");
  const format = useFormatter();
  const duration = useDuration();
  const top = perModerator.slice(0, TOP);
  if (top.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("perModerator.none")}</p>;
  const parts = (m: (typeof top)[number]) =>
    (["approved", "refused"] as const).map((s) => ({
      series: s,
      value: m[s],
      href: decidedHref(s, period, m.by),
      title: `${m.name} · ${t(`series.${s}`)}: ${format.number(m[s])}`,
    }));
  return (
    <ChartFrame
      legend={<Legend series={["approved", "refused"]} />}
      chart={
        <BarRows
          stacked
          rows={top.map((m) => ({ key: m.by, label: m.name, parts: parts(m), total: format.number(m.approved + m.refused) }))}
        />
      }
      caption={t("perModerator.caption", { count: top.length })}
      columns={[t("perModerator.moderator"), t("series.approved"), t("series.refused"), t("perModerator.median")]}
      rows={top.map((m) => ({
        key: m.by,
        head: m.name === m.by ? m.by : `${m.name} (${m.by})`,
        cells: [...parts(m).map((p) => ({ text: format.number(p.value), href: p.href })), { text: duration(m.medianDecisionSeconds) }],
      }))}
    />
  );
}

/** The groups that received the most in the period, and how many of theirs wait now. */
export function GroupChart({ perGroup, period }: { perGroup: ModerationStats["perGroup"]; period: Period }) {
  const t = useTranslations("Dashboard");
  const format = useFormatter();
  if (perGroup.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("perGroup.none")}</p>;
  const name = (g: (typeof perGroup)[number]) => g.groupName || g.groupId;
  const parts = (g: (typeof perGroup)[number]) => [
    { series: "received" as const, value: g.received, href: receivedHref(period, g.groupId) },
    { series: "pending" as const, value: g.pending, href: pendingHref(g.groupId) },
  ];
  return (
    <ChartFrame
      legend={<Legend series={["received", "pending"]} />}
      chart={
        <BarRows
          stacked={false}
          rows={perGroup.map((g) => ({
            key: g.groupId,
            label: name(g),
            parts: parts(g).map((p) => ({ ...p, title: `${name(g)} · ${t(`series.${p.series}`)}: ${format.number(p.value)}` })),
            total: format.number(g.received),
          }))}
        />
      }
      caption={t("perGroup.caption", { count: perGroup.length })}
      columns={[t("perGroup.group"), t("series.received"), t("series.pending")]}
      rows={perGroup.map((g) => ({
        key: g.groupId,
        head: g.groupName ? `${g.groupName} (${g.groupId})` : g.groupId,
        cells: parts(g).map((p) => ({ text: format.number(p.value), href: p.href })),
      }))}
    />
  );
}
