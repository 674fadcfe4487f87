import "server-only";
import { randomBytes } from "node:crypto";
import { isUniqueViolation, type Store } from "@/lib/server/store/store";
import { createUser, passwordMatches, setPassword, userIdByEmail } from "./repo";

export type BootstrapResult = { email: string; created: boolean; generatedPassword?: string };

/**
 * Makes sure the bootstrap admin exists. A configured password is (re)applied at every start; without one,
 * a password is generated only when the admin is first created, and returned so the caller prints it once.
 */
export async function bootstrapAdmin(db: Store, admin: { email: string; password?: string }): Promise<BootstrapResult> {
  const existing = await userIdByEmail(db, admin.email);
  if (existing) {
    await reapply(db, existing, admin);
    return { email: admin.email, created: false };
  }
  const generatedPassword = admin.password ? undefined : randomBytes(12).toString("base64url");
  try {
    await createUser(db, { email: admin.email, name: "Administrator", password: admin.password ?? generatedPassword!, role: "admin" });
  } catch (err) {
    // Another console instance on the same database created it a moment ago: theirs stands.
    if (!isUniqueViolation(err)) throw err;
    return { email: admin.email, created: false };
  }
  return { email: admin.email, created: true, generatedPassword };
}

/**
 * A configured password is applied at every start, but only a change is a reset: the same value again keeps the
 * admin's sessions (restarting the console must not sign everyone out), a new one ends them.
 */
async function reapply(db: Store, id: string, admin: { email: string; password?: string }) {
  if (!admin.password || (await passwordMatches(db, id, admin.password))) return;
  await setPassword(db, admin.email, admin.password, "password_reset");
}
