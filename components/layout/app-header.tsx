import Link from "next/link";
import { canManageUsers, canViewAudit, type SessionUser } from "@/lib/schemas/user";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user }: { user: SessionUser }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <nav aria-label="Main" className="flex items-center gap-5">
          <Link href="/groups" className="font-semibold text-slate-900">
            Group Console
          </Link>
          <Link href="/groups" className="text-sm text-slate-700 hover:text-slate-900">
            Groups
          </Link>
          <Link href="/applications" className="text-sm text-slate-700 hover:text-slate-900">
            Applications
          </Link>
          {canViewAudit(user) && (
            <Link href="/audit" className="text-sm text-slate-700 hover:text-slate-900">
              Audit
            </Link>
          )}
          {canManageUsers(user) && (
            <Link href="/users" className="text-sm text-slate-700 hover:text-slate-900">
              Users
            </Link>
          )}
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <Link href="/account" className="text-slate-700 hover:text-slate-900" title="Your account">
            {user.email} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{user.role}</span>
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
