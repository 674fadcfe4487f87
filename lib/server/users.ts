import "server-only";
import bcrypt from "bcryptjs";
import type { Role, SessionUser } from "@/lib/schemas/user";
import type { Store } from "./store/store";

const BCRYPT_COST = 12;

type UserRow = { id: number; email: string; name: string; role: Role; password_hash: string; disabled: number };

const toSessionUser = (r: UserRow): SessionUser => ({ id: String(r.id), email: r.email, name: r.name, role: r.role });

export async function findUserById(db: Store, id: string): Promise<(SessionUser & { disabled: boolean }) | null> {
  if (!/^[1-9]\d{0,15}$/.test(id)) return null;
  const row = await db.get<UserRow>("SELECT * FROM users WHERE id = ?", [Number(id)]);
  return row ? { ...toSessionUser(row), disabled: row.disabled === 1 } : null;
}

// A fixed hash to compare against when the email is unknown, so timing does not reveal which emails exist.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", BCRYPT_COST);

/** Emails are kept lower-case, and compared that way. */
const byEmail = "lower(email) = lower(?)";

/** The user for these credentials, or null; disabled users cannot sign in. */
export async function verifyCredentials(db: Store, email: string, password: string): Promise<SessionUser | null> {
  const row = await db.get<UserRow>(`SELECT * FROM users WHERE ${byEmail}`, [email.trim()]);
  const ok = await bcrypt.compare(password, row?.password_hash ?? DUMMY_HASH);
  return ok && row && !row.disabled ? toSessionUser(row) : null;
}

export async function createUser(db: Store, input: { email: string; name?: string; password: string; role: Role }): Promise<SessionUser> {
  const hash = await bcrypt.hash(input.password, BCRYPT_COST);
  const email = input.email.trim().toLowerCase();
  const row = await db.get<{ id: number }>(
    "INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
    [email, input.name ?? "", input.role, hash, new Date().toISOString()],
  );
  return { id: String(row!.id), email, name: input.name ?? "", role: input.role };
}

export async function setPassword(db: Store, email: string, password: string): Promise<void> {
  const hash = await bcrypt.hash(password, BCRYPT_COST);
  await db.run(`UPDATE users SET password_hash = ? WHERE ${byEmail}`, [hash, email]);
}

export async function userExists(db: Store, email: string): Promise<boolean> {
  return (await db.get(`SELECT 1 AS one FROM users WHERE ${byEmail}`, [email])) !== undefined;
}
