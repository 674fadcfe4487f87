import Link from "next/link";
import { useTranslations } from "next-intl";
import { STATS_PERIODS } from "@/lib/schemas/stats";

/** The period as links (`/?days=30`): the URL says what is shown, and the choice needs no script. */
export function PeriodPicker({ days }: { days: number }) {
  const t = useTranslations("Dashboard");
  return (
    <nav aria-label={t("period")}>
      <ul className="flex overflow-hidden rounded-md border border-slate-300 text-sm dark:border-slate-600">
        {STATS_PERIODS.map((d) => (
          <li key={d} className="border-slate-300 not-first:border-l dark:border-slate-600">
            <Link
              href={d === 7 ? "/" : `/?days=${d}`}
              aria-current={d === days ? "page" : undefined}
              className="block px-3 py-1.5 text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-600 aria-[current=page]:font-semibold aria-[current=page]:text-white dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-indigo-500 dark:aria-[current=page]:text-white"
            >
              {t("lastDays", { days: d })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
