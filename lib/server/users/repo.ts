import "server-only";
import type { Role, SessionUser } from "@/lib/schemas/user";
import { dummyHash, hashPassword, verifyPassword } from "./passwords";
import type { Store } from "@/lib/server/store/store";

type UserRow = { id: number; email: string; name: string; role: Role; password_hash: string; disabled: number; session_version: number };

/** A console user as a session knows them: `sessionVersion` goes into the token and must still match later. */
export type SignedInUser = SessionUser & { sessionVersion: number };

export const toSignedIn = (r: Pick<UserRow, "id" | "email" | "name" | "role" | "session_version">): SignedInUser => ({
  id: String(r.id),
  email: r.email,
  name: r.name,
  role: r.role,
  sessionVersion: r.session_version,
});

/** IDs arrive from tokens and URLs: anything but a positive integer is simply not a user. */
const rowId = (id: string) => (/^[1-9]\d{0,15}$/.test(id) ? Number(id) : null);

export async function findUserById(
  db: Store,
  id: string,
): Promise<(SignedInUser & { disabled: boolean; sessionsEndedReason: string | null }) | null> {
  const n = rowId(id);
  if (n === null) return null;
  const row = await db.get<UserRow & { sessions_ended_reason: string | null }>("SELECT * FROM users WHERE id = ?", [n]);
  return row ? { ...toSignedIn(row), disabled: row.disabled === 1, sessionsEndedReason: row.sessions_ended_reason } : null;
}

/** Emails are kept lower-case, and compared that way. */
const byEmail = "lower(email) = lower(?)";

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
  const row = await db.get<{ password_hash: string }>("SELECT password_hash FROM users WHERE id = ?", [rowId(id)]);
  return (await verifyPassword(password, row?.password_hash ?? (await dummyHash()))).ok && row !== undefined;
}

export async function createUser(db: Store, input: { email: string; name?: string; password: string; role: Role }): Promise<SessionUser> {
  const hash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  const row = await db.get<{ id: number }>(
    "INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
    [email, input.name ?? "", input.role, hash, new Date().toISOString()],
  );
  return { id: String(row!.id), email, name: input.name ?? "", role: input.role };
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

export async function userExists(db: Store, email: string): Promise<boolean> {
  return (await db.get(`SELECT 1 AS one FROM users WHERE ${byEmail}`, [email])) !== undefined;
}
