import "server-only";
import { LOCALES, THEMES, type ConsoleUser, type Locale, type Role, type Theme } from "@/lib/schemas/user";
import type { Store } from "@/lib/server/store/store";

type Row = {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: number;
  locale: string | null;
  theme: string | null;
  password_hash: string;
};

// Rows from before preferences existed hold NULL: they read as the defaults.
const toLocale = (v: string | null): Locale => ((LOCALES as readonly string[]).includes(v ?? "") ? (v as Locale) : "en");
const toTheme = (v: string | null): Theme => ((THEMES as readonly string[]).includes(v ?? "") ? (v as Theme) : "system");

export function toConsoleUser(r: Row): ConsoleUser {
  return {
    id: String(r.id),
    email: r.email,
    name: r.name,
    role: r.role,
    disabled: r.disabled === 1,
    locale: toLocale(r.locale),
    theme: toTheme(r.theme),
  };
}

/** IDs arrive from URLs: anything but a positive integer is simply not a user. */
const rowId = (id: string) => (/^[1-9]\d{0,15}$/.test(id) ? Number(id) : null);

async function row(db: Store, id: string): Promise<Row | undefined> {
  const n = rowId(id);
  return n === null ? undefined : db.get<Row>("SELECT * FROM users WHERE id = ?", [n]);
}

export async function getConsoleUser(db: Store, id: string): Promise<ConsoleUser | null> {
  const r = await row(db, id);
  return r ? toConsoleUser(r) : null;
}

export async function passwordHashOf(db: Store, id: string): Promise<string | null> {
  return (await row(db, id))?.password_hash ?? null;
}

/** Keyset page in creation order; `afterId` is the last ID of the previous page. */
export async function pageUserRows(
  db: Store,
  afterId: number,
  limit: number,
): Promise<{ items: ConsoleUser[]; more: boolean; total: number }> {
  const rows = await db.all<Row>("SELECT * FROM users WHERE id > ? ORDER BY id LIMIT ?", [afterId, limit + 1]);
  const total = (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM users"))!.n;
  return { items: rows.slice(0, limit).map(toConsoleUser), more: rows.length > limit, total };
}

/** Transactions that may change who the active admins are serialize on this name (see Store.transaction). */
export const ADMIN_ROLES = "users.admin-roles";

export async function activeAdminCount(db: Store): Promise<number> {
  return (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0"))!.n;
}

export type UserChanges = { name?: string; role?: Role; disabled?: boolean; locale?: Locale; theme?: Theme; passwordHash?: string };

const COLUMNS: Record<keyof UserChanges, string> = {
  name: "name",
  role: "role",
  disabled: "disabled",
  locale: "locale",
  theme: "theme",
  passwordHash: "password_hash",
};

export async function updateUserRow(db: Store, id: string, changes: UserChanges): Promise<void> {
  const keys = (Object.keys(changes) as (keyof UserChanges)[]).filter((k) => changes[k] !== undefined);
  if (!keys.length) return;
  const values = keys.map((k) => (k === "disabled" ? (changes.disabled ? 1 : 0) : (changes[k] as string)));
  await db.run(`UPDATE users SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(", ")} WHERE id = ?`, [...values, rowId(id)]);
}
