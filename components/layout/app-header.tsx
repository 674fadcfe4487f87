import Link from "next/link";
import { useTranslations } from "next-intl";
import { canManageUsers, canModerate, canViewAudit, type SessionUser } from "@/lib/schemas/user";
import { NavLink } from "./nav-link";
import { NewApplicationsBadge } from "./new-applications-badge";
import { SignOutButton } from "./sign-out-button";

const LINK = "text-sm text-slate-700 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white";

export function AppHeader({ user }: { user: SessionUser }) {
  const t = useTranslations("Nav");
  const roles = useTranslations("Roles");
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <nav aria-label={t("main")} className="flex flex-wrap items-center gap-x-5 gap-y-1">
          <Link href="/" className="font-semibold text-slate-900 dark:text-white">
            {t("brand")}
          </Link>
          <NavLink href="/" className={LINK}>
            {t("dashboard")}
          </NavLink>
          <NavLink href="/groups" className={LINK}>
            {t("groups")}
          </NavLink>
          <NavLink href="/applications" className={`relative ${LINK}`}>
            {t("applications")}
            <NewApplicationsBadge />
          </NavLink>
          <NavLink href="/jobs" className={LINK}>
            {t("jobs")}
          </NavLink>
          {canModerate(user) && (
            <NavLink href="/rules" className={LINK}>
              {t("rules")}
            </NavLink>
          )}
          {canViewAudit(user) && (
            <NavLink href="/audit" className={LINK}>
              {t("audit")}
            </NavLink>
          )}
          {canManageUsers(user) && (
            <NavLink href="/users" className={LINK}>
              {t("users")}
            </NavLink>
          )}
        </nav>
        <div className="flex min-w-0 items-center gap-3 text-sm">
          <Link href="/account" className={`min-w-0 [overflow-wrap:anywhere] ${LINK}`} title={t("account")}>
            {user.email}{" "}
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs whitespace-nowrap text-slate-700 dark:bg-slate-800 dark:text-slate-300">
              {roles(`badge.${user.role}`)}
            </span>
            {user.scope && (
              // A scoped user is told, everywhere, that they see some groups only (docs/scopes.md).
              <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs whitespace-nowrap text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
                {t("scoped", { count: user.scope.groupIds.length })}
              </span>
            )}
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
