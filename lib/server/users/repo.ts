import "server-only";
import {
  LOCALES,
  THEMES,
  type ConsoleUser,
  type Locale,
  type Role,
  type SessionUser,
  type Theme,
  type UserScope,
} from "@/lib/schemas/user";
import type { Store } from "@/lib/server/store/store";
import { dummyHash, hashPassword, verifyPassword } from "./passwords";
import { scopeOfRow } from "./scope-row";

// The one repository of the `users` table: every statement that reads or writes it is here, over one row type.

export type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  session_version: number;
  sessions_ended_reason: string | null;
  locale: string | null;
  theme: string | null;
  /** JSON `{ groupIds }`, or NULL for every group (docs/scopes.md). */
  scope: string | null;
};

/** A console user as a session knows them: `sessionVersion` goes into the token and must still match later. */
export type SignedInUser = SessionUser & { sessionVersion: number };

export const toSignedIn = (
  r: Pick<UserRow, "id" | "email" | "name" | "role" | "session_version"> & { scope?: string | null },
): SignedInUser => ({
  id: String(r.id),
  email: r.email,
  name: r.name,
  role: r.role,
  scope: scopeOfRow(r.scope ?? null, r.role),
  sessionVersion: r.session_version,
});

// Rows from before preferences existed hold NULL: they read as "never chosen".
const chosenLocale = (v: string | null): Locale | null => ((LOCALES as readonly string[]).includes(v ?? "") ? (v as Locale) : null);
const chosenTheme = (v: string | null): Theme | null => ((THEMES as readonly string[]).includes(v ?? "") ? (v as Theme) : null);

export function toConsoleUser(r: UserRow): ConsoleUser {
  return {
    id: String(r.id),
    email: r.email,
    name: r.name,
    role: r.role,
    disabled: r.disabled === 1,
    locale: chosenLocale(r.locale) ?? "en",
    theme: chosenTheme(r.theme) ?? "system",
    scope: scopeOfRow(r.scope, r.role),
  };
}

/** IDs arrive from tokens and URLs: anything but a positive integer is simply not a user. */
export const rowId = (id: string) => (/^[1-9]\d{0,15}$/.test(id) ? Number(id) : null);

/** Emails are kept lower-case, and compared that way. */
const byEmail = "lower(email) = lower(?)";

async function rowById(db: Store, id: string): Promise<UserRow | undefined> {
  const n = rowId(id);
  return n === null ? undefined : db.get<UserRow>("SELECT * FROM users WHERE id = ?", [n]);
}

export async function findUserById(
  db: Store,
  id: string,
): Promise<(SignedInUser & { disabled: boolean; sessionsEndedReason: string | null }) | null> {
  const row = await rowById(db, id);
  return row ? { ...toSignedIn(row), disabled: row.disabled === 1, sessionsEndedReason: row.sessions_ended_reason } : null;
}

export async function getConsoleUser(db: Store, id: string): Promise<ConsoleUser | null> {
  const r = await rowById(db, id);
  return r ? toConsoleUser(r) : null;
}

export async function userIdByEmail(db: Store, email: string): Promise<string | null> {
  const row = await db.get<{ id: number }>(`SELECT id FROM users WHERE ${byEmail}`, [email.trim()]);
  return row ? String(row.id) : null;
}

export async function userExists(db: Store, email: string): Promise<boolean> {
  return (await userIdByEmail(db, email)) !== null;
}

/** What the user chose for language and theme; null where they never chose. */
export async function chosenPreferences(db: Store, id: string): Promise<{ locale: Locale | null; theme: Theme | null }> {
  const row = await rowById(db, id);
  return { locale: chosenLocale(row?.locale ?? null), theme: chosenTheme(row?.theme ?? null) };
}

/**
 * The user for these credentials, or null; disabled users cannot sign in. An unknown email is checked against
 * a dummy hash, so it takes as long as a known one. A hash of an older kind is replaced by today's on success,
 * without ending any session (the password did not change).
 */
export async function verifyCredentials(db: Store, email: string, password: string): Promise<SignedInUser | null> {
  const row = await db.get<UserRow>(`SELECT * FROM users WHERE ${byEmail}`, [email.trim()]);
  const verdict = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
  if (!verdict.ok || !row || row.disabled) return null;
  if (verdict.needsRehash) {
    // Only if nobody changed the password meanwhile.
    await db.run("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?", [
      await hashPassword(password),
      row.id,
      row.password_hash,
    ]);
  }
  return toSignedIn(row);
}

/** Whether `password` is this user's current password (for re-checks such as changing one's own password). */
export async function passwordMatches(db: Store, id: string, password: string): Promise<boolean> {
  const row = await rowById(db, id);
  return (await verifyPassword(password, row?.password_hash ?? (await dummyHash()))).ok && row !== undefined;
}

export async function passwordHashOf(db: Store, id: string): Promise<string | null> {
  return (await rowById(db, id))?.password_hash ?? null;
}

/**
 * A new console user: with a password, or with `passwordHash` already made (a single sign-on user gets one
 * that no password matches).
 */
export async function createUser(
  db: Store,
  input: { email: string; name?: string; role: Role } & ({ password: string } | { passwordHash: string }),
): Promise<SessionUser> {
  const hash = "password" in input ? await hashPassword(input.password) : input.passwordHash;
  const email = input.email.trim().toLowerCase();
  const row = await db.get<{ id: number }>(
    "INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
    [email, input.name ?? "", input.role, hash, new Date().toISOString()],
  );
  return { id: String(row!.id), email, name: input.name ?? "", role: input.role };
}

/** Every console user's email and display name, disabled ones too (users are never deleted): all who may have decided. */
export async function emailsAndNames(db: Store): Promise<{ email: string; name: string }[]> {
  return db.all<{ email: string; name: string }>("SELECT email, name FROM users ORDER BY id");
}

/** Keyset page in creation order; `afterId` is the last ID of the previous page. */
export async function pageUserRows(
  db: Store,
  afterId: number,
  limit: number,
): Promise<{ items: ConsoleUser[]; more: boolean; total: number }> {
  const rows = await db.all<UserRow>("SELECT * FROM users WHERE id > ? ORDER BY id LIMIT ?", [afterId, limit + 1]);
  const total = (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM users"))!.n;
  return { items: rows.slice(0, limit).map(toConsoleUser), more: rows.length > limit, total };
}

/** Transactions that may change who the active admins are serialize on this name (see Store.transaction). */
export const ADMIN_ROLES = "users.admin-roles";

export async function activeAdminCount(db: Store): Promise<number> {
  return (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0"))!.n;
}

export type UserChanges = {
  name?: string;
  role?: Role;
  disabled?: boolean;
  locale?: Locale;
  theme?: Theme;
  passwordHash?: string;
  scope?: UserScope | null;
};

const COLUMNS: Record<keyof UserChanges, string> = {
  name: "name",
  role: "role",
  disabled: "disabled",
  locale: "locale",
  theme: "theme",
  passwordHash: "password_hash",
  scope: "scope",
};

export async function updateUserRow(db: Store, id: string, changes: UserChanges): Promise<void> {
  const keys = (Object.keys(changes) as (keyof UserChanges)[]).filter((k) => changes[k] !== undefined);
  if (!keys.length) return;
  const value = (k: keyof UserChanges) =>
    k === "disabled"
      ? changes.disabled
        ? 1
        : 0
      : k === "scope"
        ? changes.scope
          ? JSON.stringify(changes.scope)
          : null
        : (changes[k] as string);
  const values = keys.map(value);
  await db.run(`UPDATE users SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(", ")} WHERE id = ?`, [...values, rowId(id)]);
}

/** Why a user's sessions were ended: the sign-in page says it to whoever was signed in. */
export const SESSION_END_REASONS = ["password_changed", "password_reset", "role_changed", "disabled", "signed_out_everywhere"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * Ends every session of this user at once: their tokens carry the old version, which no longer matches. A caller
 * keeping its own session (a user changing their own password) gets a fresh token with the new version.
 */
export async function endSessions(db: Store, id: string, reason: SessionEndReason): Promise<number> {
  const row = await db.get<{ session_version: number }>(
    "UPDATE users SET session_version = session_version + 1, sessions_ended_reason = ? WHERE id = ? RETURNING session_version",
    [reason, rowId(id)],
  );
  return row?.session_version ?? 0;
}

/** A new password, and every session signed in with the old one ends. Answers the new session version. */
export async function setPassword(
  db: Store,
  email: string,
  password: string,
  reason: Extract<SessionEndReason, "password_changed" | "password_reset">,
): Promise<number> {
  const hash = await hashPassword(password);
  const row = await db.get<{ session_version: number }>(
    `UPDATE users SET password_hash = ?, session_version = session_version + 1, sessions_ended_reason = ? WHERE ${byEmail} RETURNING session_version`,
    [hash, reason, email],
  );
  return row?.session_version ?? 0;
}
