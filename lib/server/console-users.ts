import "server-only";
import { LOCALES, THEMES, type ConsoleUser, type Locale, type Role, type Theme } from "@/lib/schemas/user";
import type { Db } from "./store/db";

type Row = { id: number; email: string; name: string; role: Role; disabled: number; locale: string | null; theme: string | null; password_hash: string };

// Rows from before preferences existed hold NULL: they read as the defaults.
const toLocale = (v: string | null): Locale => (LOCALES as readonly string[]).includes(v ?? "") ? (v as Locale) : "en";
const toTheme = (v: string | null): Theme => (THEMES as readonly string[]).includes(v ?? "") ? (v as Theme) : "system";

export function toConsoleUser(r: Row): ConsoleUser {
  return { id: String(r.id), email: r.email, name: r.name, role: r.role, disabled: r.disabled === 1, locale: toLocale(r.locale), theme: toTheme(r.theme) };
}

/** IDs arrive from URLs: anything but a positive integer is simply not a user. */
const rowId = (id: string) => (/^[1-9]\d{0,15}$/.test(id) ? Number(id) : null);

function row(db: Db, id: string): Row | undefined {
  const n = rowId(id);
  return n === null ? undefined : (db.prepare("SELECT * FROM users WHERE id = ?").get(n) as Row | undefined);
}

export function getConsoleUser(db: Db, id: string): ConsoleUser | null {
  const r = row(db, id);
  return r ? toConsoleUser(r) : null;
}

export function passwordHashOf(db: Db, id: string): string | null {
  return row(db, id)?.password_hash ?? null;
}

/** Keyset page in creation order; `afterId` is the last ID of the previous page. */
export function pageUserRows(db: Db, afterId: number, limit: number): { items: ConsoleUser[]; more: boolean; total: number } {
  const rows = db.prepare("SELECT * FROM users WHERE id > ? ORDER BY id LIMIT ?").all(afterId, limit + 1) as Row[];
  const total = (db.prepare("SELECT COUNT(*) AS n FROM users").get() as { n: number }).n;
  return { items: rows.slice(0, limit).map(toConsoleUser), more: rows.length > limit, total };
}

export function activeAdminCount(db: Db): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
}

export type UserChanges = { name?: string; role?: Role; disabled?: boolean; locale?: Locale; theme?: Theme; passwordHash?: string };

const COLUMNS: Record<keyof UserChanges, string> = { name: "name", role: "role", disabled: "disabled", locale: "locale", theme: "theme", passwordHash: "password_hash" };

export function updateUserRow(db: Db, id: string, changes: UserChanges) {
  const keys = (Object.keys(changes) as (keyof UserChanges)[]).filter((k) => changes[k] !== undefined);
  if (!keys.length) return;
  const values = keys.map((k) => (k === "disabled" ? (changes.disabled ? 1 : 0) : changes[k]));
  db.prepare(`UPDATE users SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(", ")} WHERE id = ?`).run(...values, rowId(id));
}
