"use client";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { StackCell, StackMessage, StackRow, StackTable } from "@/components/ui/stack-table";
import { ROLES, type ConsoleUser, type Role, type UpdateUserInput } from "@/lib/schemas/user";
import { ROLE_LABEL } from "./labels";

const COLUMNS = ["Email", "Name", "Role", "Status"];

type Props = {
  users?: ConsoleUser[];
  loading: boolean;
  currentUserId: string;
  /** The change being saved, so its row shows it at once and cannot be changed twice. */
  pending?: { id: string; change: UpdateUserInput };
  onChange: (user: ConsoleUser, change: UpdateUserInput) => void;
};

export function UsersTable({ users, loading, currentUserId, pending, onChange }: Props) {
  return (
    <StackTable caption="Console users" columns={COLUMNS} busy={loading}>
      {loading && !users && <StackMessage span={COLUMNS.length}>Loading…</StackMessage>}
      {users?.map((u) => {
        const self = u.id === currentUserId;
        const saving = pending?.id === u.id;
        const role = (saving && pending.change.role) || u.role;
        const disabled = saving && pending.change.disabled !== undefined ? pending.change.disabled : u.disabled;
        return (
          <StackRow key={u.id}>
            <StackCell label="Email" className="break-all">
              {u.email}
              {self && <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-800">you</span>}
            </StackCell>
            <StackCell label="Name">{u.name || <span className="text-slate-500">—</span>}</StackCell>
            <StackCell label="Role">
              <select
                aria-label={`Role of ${u.email}`}
                className={`${inputClass} w-36`}
                value={role}
                disabled={self || saving}
                title={self ? "Another admin must change your role" : undefined}
                onChange={(e) => onChange(u, { role: e.target.value as Role })}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </select>
            </StackCell>
            <StackCell label="Status">
              <div className="flex flex-wrap items-center gap-2">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${disabled ? "bg-slate-200 text-slate-800" : "bg-emerald-100 text-emerald-900"}`}>
                  {disabled ? "Disabled" : "Active"}
                </span>
                {!self && (
                  <Button className="text-xs" aria-label={`${disabled ? "Enable" : "Disable"} ${u.email}`} disabled={saving} onClick={() => onChange(u, { disabled: !disabled })}>
                    {disabled ? "Enable" : "Disable"}
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
