import { scaleLinear } from "d3-scale";
import { SERIES, type Series } from "./chart-frame";

export type BarRow = { key: string; label: string; parts: { series: Series; value: number; href: string; title: string }[]; total: string };

/**
 * Horizontal bars, one row per moderator or group: the parts side by side on one track (`stacked`, as a
 * moderator's approvals and refusals make their decisions) or each on a track of its own. d3-scale sizes them
 * against the largest row; plain HTML lays them out, so a long name wraps and the bars fill any width.
 */
export function BarRows({ rows, stacked }: { rows: BarRow[]; stacked: boolean }) {
  const size = (r: BarRow) => (stacked ? r.parts.reduce((n, p) => n + p.value, 0) : Math.max(...r.parts.map((p) => p.value)));
  const x = scaleLinear()
    .domain([0, Math.max(1, ...rows.map(size))])
    .range([0, 100]);
  const bar = (p: BarRow["parts"][number]) =>
    p.value > 0 ? (
      <a
        key={p.series}
        href={p.href}
        tabIndex={-1}
        title={p.title}
        className={`block h-full hover:opacity-80 ${SERIES[p.series]}`}
        style={{ width: `${x(p.value)}%` }}
      />
    ) : null;
  return (
    <ol className="flex flex-col gap-2.5">
      {rows.map((r) => (
        <li
          key={r.key}
          className="grid grid-cols-[minmax(0,9rem)_minmax(0,1fr)] items-center gap-x-3 sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)]"
        >
          <span className="text-sm [overflow-wrap:anywhere] text-slate-800 dark:text-slate-200">{r.label}</span>
          <span className="flex items-center gap-2">
            <span className="flex min-w-0 flex-1 flex-col gap-0.5">
              {stacked ? (
                <span className="flex h-4 overflow-hidden rounded-sm">{r.parts.map(bar)}</span>
              ) : (
                r.parts.map((p) => (
                  <span key={p.series} className="flex h-2.5 overflow-hidden rounded-sm">
                    {bar(p)}
                  </span>
                ))
              )}
            </span>
            <span className="w-16 shrink-0 text-right text-xs text-slate-600 tabular-nums dark:text-slate-400">{r.total}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
