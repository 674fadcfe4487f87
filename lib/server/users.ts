import "server-only";
import bcrypt from "bcryptjs";
import type { Role, SessionUser } from "@/lib/schemas/user";
import type { Db } from "./store/db";

const BCRYPT_COST = 12;

type UserRow = { id: number; email: string; name: string; role: Role; password_hash: string; disabled: number };

const toSessionUser = (r: UserRow): SessionUser => ({ id: String(r.id), email: r.email, name: r.name, role: r.role });

export function findUserById(db: Db, id: string): (SessionUser & { disabled: boolean }) | null {
  const row = db.prepare("SELECT * FROM users WHERE id = ?").get(Number(id)) as UserRow | undefined;
  return row ? { ...toSessionUser(row), disabled: row.disabled === 1 } : null;
}

// A fixed hash to compare against when the email is unknown, so timing does not reveal which emails exist.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", BCRYPT_COST);

/** The user for these credentials, or null; disabled users cannot sign in. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<SessionUser | null> {
  const row = db.prepare("SELECT * FROM users WHERE email = ?").get(email.trim()) as UserRow | undefined;
  const ok = await bcrypt.compare(password, row?.password_hash ?? DUMMY_HASH);
  return ok && row && !row.disabled ? toSessionUser(row) : null;
}

export async function createUser(db: Db, input: { email: string; name?: string; password: string; role: Role }): Promise<SessionUser> {
  const hash = await bcrypt.hash(input.password, BCRYPT_COST);
  const info = db
    .prepare("INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)")
    .run(input.email.trim().toLowerCase(), input.name ?? "", input.role, hash, new Date().toISOString());
  return { id: String(info.lastInsertRowid), email: input.email.trim().toLowerCase(), name: input.name ?? "", role: input.role };
}

export async function setPassword(db: Db, email: string, password: string): Promise<void> {
  const hash = await bcrypt.hash(password, BCRYPT_COST);
  db.prepare("UPDATE users SET password_hash = ? WHERE email = ?").run(hash, email);
}

export function userExists(db: Db, email: string): boolean {
  return db.prepare("SELECT 1 FROM users WHERE email = ?").get(email) !== undefined;
}
