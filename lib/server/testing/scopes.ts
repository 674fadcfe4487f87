// Test helpers for scoped users (docs/scopes.md): a console user with a scope, and an IM server that must not
// be asked (a scoped user's refusal comes before any IM call).
import type { Role, SessionUser } from "@/lib/schemas/user";
import type { Store } from "@/lib/server/store/store";
import { consoleUser } from "./rules";

/** A console user of that role in the users table, scoped to these groups (null: every group). */
export async function scopedUser(
  db: Store,
  role: Role,
  groupIds: string[] | null,
  email = `${role}-scoped@scopes.test`,
): Promise<SessionUser> {
  const user = await consoleUser(db, role, email);
  const scope = groupIds ? { groupIds } : null;
  await db.run("UPDATE users SET scope = ? WHERE id = ?", [scope ? JSON.stringify(scope) : null, Number(user.id)]);
  return { ...user, scope };
}

/** An IM gateway any use of which fails the test: what must be answered without the IM server is. */
export const imNeverAsked = new Proxy(
  {},
  {
    get(_, name) {
      if (name === "then") return undefined;
      throw new Error(`the IM server was asked (${String(name)})`);
    },
  },
);

/** What a group the console does not know answers, word for word. */
export const UNKNOWN_GROUP = {
  error: { code: "not_found", message: "This group does not exist or has been dismissed", details: { reason: { key: "groupGone" } } },
};

/** What an application the console does not know answers, word for word. */
export const UNKNOWN_APPLICATION = {
  error: { code: "not_found", message: "There is no application with that ID", details: { reason: { key: "applicationNotFound" } } },
};
