"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Pager } from "@/components/groups/pager";
import { ErrorPanel } from "@/components/ui/error-panel";
import { MutationError } from "@/components/ui/mutation-error";
import { useUpdateUser, useUsers } from "@/lib/client/users";
import type { ConsoleUser, UpdateUserInput } from "@/lib/schemas/user";
import { AddUserDialog } from "./add-user-dialog";
import { ConfirmUserChange, endsSessions } from "./confirm-user-change";
import { ScopeDialog } from "./scope-dialog";
import { SignInFailures } from "./sign-in-failures";
import { UsersTable } from "./users-table";

/** Console users and their roles: add, change role, disable and enable. */
export function UsersView({ currentUserId }: { currentUserId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const cursor = useSearchParams().get("cursor") || undefined;
  const users = useUsers(cursor ? { cursor } : {});
  const update = useUpdateUser();
  const [notice, setNotice] = useState<string | null>(null);
  const [history, setHistory] = useState<string[]>([]);
  const [confirming, setConfirming] = useState<{ user: ConsoleUser; change: UpdateUserInput } | null>(null);
  const [scoping, setScoping] = useState<ConsoleUser | null>(null);
  const t = useTranslations("Users");
  const common = useTranslations("Common");

  function describe(user: ConsoleUser, change: UpdateUserInput): string {
    if (change.role) return t("nowRole", { email: user.email, role: change.role });
    if (change.disabled !== undefined) return t(change.disabled ? "disabledNotice" : "enabledNotice", { email: user.email });
    return t("updatedNotice", { email: user.email });
  }
  const go = (c: string | undefined) => router.push(c ? `${pathname}?cursor=${encodeURIComponent(c)}` : pathname, { scroll: false });

  function apply(user: ConsoleUser, change: UpdateUserInput) {
    setNotice(null);
    update.mutate({ id: user.id, change }, { onSuccess: () => setNotice(describe(user, change)) });
  }

  function onChange(user: ConsoleUser, change: UpdateUserInput) {
    if (endsSessions(user, change)) setConfirming({ user, change });
    else apply(user, change);
  }

  return (
    <section aria-labelledby="users-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 id="users-heading" className="text-2xl font-semibold">
            {t("title")}
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {users.data ? t("count", { count: users.data.total }) : common("loading")}
          </p>
        </div>
        <AddUserDialog
          onAdded={(u) => {
            update.reset();
            setNotice(t("addedNotice", { email: u.email, role: u.role }));
          }}
        />
      </div>
      <p role="status" className="text-sm text-emerald-800 empty:hidden dark:text-emerald-300">
        {notice}
      </p>
      <MutationError error={update.error} />
      {users.isError ? (
        <ErrorPanel error={users.error} onRetry={() => users.refetch()} />
      ) : (
        <UsersTable
          users={users.data?.items}
          loading={users.isPending}
          currentUserId={currentUserId}
          pending={update.isPending ? update.variables : undefined}
          onChange={onChange}
          onEditScope={setScoping}
        />
      )}
      <ScopeDialog
        user={scoping}
        onClose={() => setScoping(null)}
        onSaved={(u) => {
          setScoping(null);
          setNotice(
            u.scope ? t("scope.savedSome", { email: u.email, count: u.scope.groupIds.length }) : t("scope.savedAll", { email: u.email }),
          );
        }}
      />
      <ConfirmUserChange
        pending={confirming}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) apply(confirming.user, confirming.change);
          setConfirming(null);
        }}
      />
      <SignInFailures />
      <Pager
        hasPrevious={history.length > 0}
        hasNext={Boolean(users.data?.nextCursor)}
        busy={users.isFetching}
        onPrevious={() => {
          setHistory(history.slice(0, -1));
          go(history[history.length - 1] || undefined);
        }}
        onNext={() => {
          setHistory([...history, cursor ?? ""]);
          go(users.data?.nextCursor ?? undefined);
        }}
      />
    </section>
  );
}
