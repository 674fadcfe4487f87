"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { StackCell, StackMessage, StackRow, StackTable } from "@/components/ui/stack-table";
import { ROLES } from "@/lib/schemas/constants";
import type { ConsoleUser, Role, UpdateUserInput } from "@/lib/schemas/user";

const COLUMNS = ["email", "name", "role", "groups", "status"] as const;

type Props = {
  users?: ConsoleUser[];
  loading: boolean;
  currentUserId: string;
  /** The change being saved, so its row shows it at once and cannot be changed twice. */
  pending?: { id: string; change: UpdateUserInput };
  onChange: (user: ConsoleUser, change: UpdateUserInput) => void;
  /** Opens the scope editor for this user (docs/scopes.md); admins see every group and have none. */
  onEditScope: (user: ConsoleUser) => void;
};

export function UsersTable({ users, loading, currentUserId, pending, onChange, onEditScope }: Props) {
  const t = useTranslations("Users");
  const roles = useTranslations("Roles");
  const common = useTranslations("Common");
  const label = (c: (typeof COLUMNS)[number]) => t(`columns.${c}`);
  return (
    <StackTable caption={t("caption")} columns={COLUMNS.map(label)} busy={loading}>
      {loading && !users && <StackMessage span={COLUMNS.length}>{common("loading")}</StackMessage>}
      {users?.map((u) => {
        const self = u.id === currentUserId;
        const saving = pending?.id === u.id;
        const role = (saving && pending.change.role) || u.role;
        const disabled = saving && pending.change.disabled !== undefined ? pending.change.disabled : u.disabled;
        return (
          <StackRow key={u.id}>
            <StackCell label={label("email")} className="break-all">
              {u.email}
              {self && (
                <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
                  {t("you")}
                </span>
              )}
            </StackCell>
            <StackCell label={label("name")} className="[overflow-wrap:anywhere]">
              {u.name || <span className="text-slate-500 dark:text-slate-400">—</span>}
            </StackCell>
            <StackCell label={label("role")}>
              <select
                aria-label={t("roleOf", { email: u.email })}
                className={`${inputClass} w-36`}
                value={role}
                disabled={self || saving}
                title={self ? t("selfRole") : undefined}
                // An admin sees every group: a scoped user made admin has their scope cleared in the same request.
                onChange={(e) => {
                  const next = e.target.value as Role;
                  onChange(u, next === "admin" && u.scope ? { role: next, scope: null } : { role: next });
                }}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roles(`label.${r}`)}
                  </option>
                ))}
              </select>
            </StackCell>
            <StackCell label={label("groups")}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm">
                  {u.role === "admin" ? t("scope.admin") : u.scope ? t("scope.count", { count: u.scope.groupIds.length }) : t("scope.all")}
                </span>
                {u.role !== "admin" && (
                  <Button
                    className="text-xs"
                    aria-label={t("scope.editWho", { email: u.email })}
                    disabled={saving}
                    onClick={() => onEditScope(u)}
                  >
                    {t("scope.edit")}
                  </Button>
                )}
              </div>
            </StackCell>
            <StackCell label={label("status")}>
              <div className="flex flex-wrap items-center gap-2">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-medium ${disabled ? "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100" : "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100"}`}
                >
                  {disabled ? t("disabled") : t("active")}
                </span>
                {!self && (
                  <Button
                    className="text-xs"
                    aria-label={t(disabled ? "enableWho" : "disableWho", { email: u.email })}
                    disabled={saving}
                    onClick={() => onChange(u, { disabled: !disabled })}
                  >
                    {disabled ? t("enable") : t("disable")}
                  </Button>
                )}
              </div>
            </StackCell>
          </StackRow>
        );
      })}
    </StackTable>
  );
}
