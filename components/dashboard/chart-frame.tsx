import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * A chart and the same figures as a table. The drawing is for the eye (hidden from screen readers, its bars
 * clickable but out of the tab order); the table, one "Show as table" away, carries every figure as a link
 * for keyboards and screen readers alike.
 */
export function ChartFrame({
  legend,
  chart,
  caption,
  columns,
  rows,
}: {
  legend?: ReactNode;
  chart: ReactNode;
  caption: string;
  columns: string[];
  rows: { key: string; head: ReactNode; cells: { text: string; href?: string }[] }[];
}) {
  const t = useTranslations("Dashboard");
  return (
    <figure className="flex flex-col gap-3">
      {legend}
      <div aria-hidden="true">{chart}</div>
      <figcaption className="sr-only">{caption}</figcaption>
      <details className="group text-sm">
        <summary className="cursor-pointer text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
          {t("showTable")}
        </summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-700 uppercase dark:bg-slate-800 dark:text-slate-300">
              <tr>
                {columns.map((c, i) => (
                  <th key={c} scope="col" className={`px-1.5 py-1.5 font-semibold sm:px-2 ${i > 0 ? "text-right" : ""}`}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row" className="px-1.5 py-1.5 font-normal [overflow-wrap:anywhere] sm:px-2">
                    {r.head}
                  </th>
                  {r.cells.map((c, i) => (
                    <td key={i} className="px-1.5 py-1.5 text-right sm:px-2">
                      {c.href ? (
                        <Link
                          href={c.href}
                          className="text-indigo-700 underline decoration-dotted underline-offset-2 hover:decoration-solid dark:text-indigo-300"
                        >
                          {c.text}
                        </Link>
                      ) : (
                        c.text
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** The colour of each series, as a bar and as the legend's swatch, readable on either theme. */
export const SERIES = {
  received: "fill-indigo-500 bg-indigo-500 dark:fill-indigo-400 dark:bg-indigo-400",
  approved: "fill-emerald-600 bg-emerald-600 dark:fill-emerald-400 dark:bg-emerald-400",
  refused: "fill-rose-600 bg-rose-600 dark:fill-rose-400 dark:bg-rose-400",
  pending: "fill-amber-500 bg-amber-500 dark:fill-amber-300 dark:bg-amber-300",
} as const;
export type Series = keyof typeof SERIES;

export function Legend({ series }: { series: Series[] }) {
  const t = useTranslations("Dashboard.series");
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
      {series.map((s) => (
        <li key={s} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${SERIES[s]}`} />
          {t(s)}
        </li>
      ))}
    </ul>
  );
}
