import "server-only";
import { randomBytes } from "node:crypto";
import { isUniqueViolation, type Store } from "./store/store";
import { createUser, setPassword, userExists } from "./users";

export type BootstrapResult = { email: string; created: boolean; generatedPassword?: string };

/**
 * Makes sure the bootstrap admin exists. A configured password is (re)applied at every start; without one,
 * a password is generated only when the admin is first created, and returned so the caller prints it once.
 */
export async function bootstrapAdmin(db: Store, admin: { email: string; password?: string }): Promise<BootstrapResult> {
  const exists = await userExists(db, admin.email);
  if (exists) {
    if (admin.password) await setPassword(db, admin.email, admin.password);
    return { email: admin.email, created: false };
  }
  const generatedPassword = admin.password ? undefined : randomBytes(12).toString("base64url");
  try {
    await createUser(db, { email: admin.email, name: "Administrator", password: admin.password ?? generatedPassword!, role: "admin" });
  } catch (err) {
    // Another console instance on the same database created it a moment ago: theirs stands.
    if (!isUniqueViolation(err)) throw err;
    if (admin.password) await setPassword(db, admin.email, admin.password);
    return { email: admin.email, created: false };
  }
  return { email: admin.email, created: true, generatedPassword };
}
