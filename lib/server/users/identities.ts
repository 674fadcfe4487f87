import "server-only";
import type { Store } from "@/lib/server/store/store";
import type { UserRow } from "./repo";

// Which single sign-on identities belong to which console user: the `sso_identities` table, keyed by the
// IdP's (issuer, subject), never by an email.

export type IdentityUser = Pick<UserRow, "id" | "email" | "name" | "role" | "disabled" | "session_version">;

export async function userOfIdentity(db: Store, issuer: string, subject: string): Promise<IdentityUser | undefined> {
  return db.get<IdentityUser>(
    "SELECT u.id, u.email, u.name, u.role, u.disabled, u.session_version FROM sso_identities i JOIN users u ON u.id = i.user_id WHERE i.issuer = ? AND i.subject = ?",
    [issuer, subject],
  );
}

/** Links the identity to the user; a unique violation means it is someone else's already. */
export async function linkIdentityTo(db: Store, issuer: string, subject: string, userId: string | number): Promise<void> {
  await db.run("INSERT INTO sso_identities (issuer, subject, user_id, created_at) VALUES (?, ?, ?, ?)", [
    issuer,
    subject,
    Number(userId),
    new Date().toISOString(),
  ]);
}
