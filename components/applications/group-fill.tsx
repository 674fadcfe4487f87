"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { Application } from "@/lib/schemas/application";

/** How full the group is ("20 / 20"), so an approval that cannot fit is seen before it is tried. */
export function GroupFill({ application }: { application: Application }) {
  const t = useTranslations("Applications");
  const format = useFormatter();
  const fill = application.groupFill;
  if (!fill || fill.max <= 0) return null;
  const full = fill.members >= fill.max;
  return (
    <span
      className={`block text-xs tabular-nums ${full ? "font-semibold text-red-800 dark:text-red-300" : "text-slate-600 dark:text-slate-400"}`}
    >
      {t(full ? "groupFull" : "groupFill", { members: format.number(fill.members), max: format.number(fill.max) })}
    </span>
  );
}
