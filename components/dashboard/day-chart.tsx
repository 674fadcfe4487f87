import { scaleBand, scaleLinear } from "d3-scale";
import { useFormatter, useTranslations } from "next-intl";
import type { ModerationStats } from "@/lib/schemas/stats";
import { ChartFrame, Legend, SERIES } from "./chart-frame";
import { decidedHref, receivedHref } from "./queue-links";

// Drawn on the server: d3-scale places the bars and picks the ticks, React writes the SVG, and no chart code
// reaches the browser. Shapes stretch with the width (the viewBox is not kept in proportion); the labels are
// HTML placed by percentage, so they keep their size at any width.
const W = 1000;
const H = 100;
const KEYS = ["received", "approved", "refused"] as const;
const MAX_LABELS = 7;
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

export function DayChart({ perDay }: { perDay: ModerationStats["perDay"] }) {
  const t = useTranslations("Dashboard");
  const format = useFormatter();
  const x = scaleBand<string>()
    .domain(perDay.map((d) => d.date))
    .range([0, W])
    .paddingInner(perDay.length > 31 ? 0.1 : 0.25);
  const inner = scaleBand<string>().domain(KEYS).range([0, x.bandwidth()]).paddingInner(0.08);
  const top = Math.max(1, ...perDay.flatMap((d) => KEYS.map((k) => d[k])));
  const y = scaleLinear().domain([0, top]).nice().range([H, 0]);
  const ticks = y.ticks(4).filter(Number.isInteger);
  const every = Math.ceil(perDay.length / MAX_LABELS);
  const day = (date: string) => format.dateTime(utc(date), { month: "numeric", day: "numeric", timeZone: "UTC" });
  const href = (k: (typeof KEYS)[number], date: string) =>
    k === "received" ? receivedHref({ since: date, until: date }) : decidedHref(k, { since: date, until: date });

  const chart = (
    <div className="relative h-56 pb-6 pl-9 sm:h-64">
      <div className="relative h-full">
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className="absolute inset-0 h-full w-full overflow-visible">
          {ticks.map((v) => (
            <line
              key={v}
              x1={0}
              x2={W}
              y1={y(v)}
              y2={y(v)}
              vectorEffect="non-scaling-stroke"
              className="stroke-slate-200 dark:stroke-slate-700"
            />
          ))}
          {perDay.map((d) =>
            KEYS.map((k) =>
              d[k] > 0 ? (
                <a key={`${d.date}-${k}`} href={href(k, d.date)} tabIndex={-1}>
                  <rect
                    x={(x(d.date) ?? 0) + (inner(k) ?? 0)}
                    width={inner.bandwidth()}
                    y={y(d[k])}
                    height={H - y(d[k])}
                    className={`${SERIES[k]} hover:opacity-80`}
                  >
                    <title>{`${day(d.date)} · ${t(`series.${k}`)}: ${format.number(d[k])}`}</title>
                  </rect>
                </a>
              ) : null,
            ),
          )}
        </svg>
        {ticks.map((v) => (
          <span
            key={v}
            className="absolute -left-9 w-7 -translate-y-1/2 text-right text-xs text-slate-600 tabular-nums dark:text-slate-400"
            style={{ top: `${(y(v) / H) * 100}%` }}
          >
            {format.number(v, { notation: "compact" })}
          </span>
        ))}
        {perDay.map((d, i) =>
          (perDay.length - 1 - i) % every === 0 ? (
            <span
              key={d.date}
              // On a phone, every other label (today's always stays).
              className={`absolute top-full mt-1 -translate-x-1/2 text-xs whitespace-nowrap text-slate-600 dark:text-slate-400 ${
                ((perDay.length - 1 - i) / every) % 2 === 1 ? "max-sm:hidden" : ""
              }`}
              style={{ left: `${(((x(d.date) ?? 0) + x.bandwidth() / 2) / W) * 100}%` }}
            >
              {day(d.date)}
            </span>
          ) : null,
        )}
      </div>
    </div>
  );

  return (
    <ChartFrame
      legend={<Legend series={[...KEYS]} />}
      chart={chart}
      caption={t("perDay.caption", { days: perDay.length })}
      columns={[t("perDay.date"), t("series.received"), t("series.approved"), t("series.refused")]}
      rows={[...perDay].reverse().map((d) => ({
        key: d.date,
        head: <time dateTime={d.date}>{format.dateTime(utc(d.date), { dateStyle: "medium", timeZone: "UTC" })}</time>,
        cells: KEYS.map((k) => ({ text: format.number(d[k]), href: href(k, d.date) })),
      }))}
    />
  );
}
