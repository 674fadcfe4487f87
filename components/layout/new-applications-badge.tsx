"use client";
import { usePathname } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect } from "react";
import { clearNewApplications, useNewApplications } from "@/lib/client/new-applications";

const onInbox = (pathname: string) => pathname === "/applications" || pathname.startsWith("/applications/");

/**
 * New arrivals as a count on the navigation's Applications link: it covers no rows and moves none. The inbox
 * shows arrivals itself, so on it nothing is counted.
 */
export function NewApplicationsBadge() {
  const count = useNewApplications();
  const pathname = usePathname();
  const format = useFormatter();
  const t = useTranslations("Live");
  const here = onInbox(pathname);
  useEffect(() => {
    if (here && count > 0) clearNewApplications();
  }, [here, count]);
  if (here || count === 0) return null;
  return (
    <span className="pointer-events-none absolute -top-2.5 -right-4 rounded-full bg-amber-500 px-1.5 text-[0.7rem] leading-4 font-semibold text-white tabular-nums dark:bg-amber-400 dark:text-slate-950">
      <span aria-hidden>{format.number(count)}</span>
      <span className="sr-only">{t("newApplications", { count })}</span>
    </span>
  );
}

/** The same arrivals, said once to screen readers in a polite live region that stays mounted. */
export function NewApplicationsAnnouncement() {
  const count = useNewApplications();
  const pathname = usePathname();
  const t = useTranslations("Live");
  return (
    <p role="status" className="sr-only">
      {count > 0 && !onInbox(pathname) ? t("newApplications", { count }) : null}
    </p>
  );
}
