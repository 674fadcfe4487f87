import "server-only";
import type { ConsoleUser, UpdateUserInput } from "@/lib/schemas/user";
import { knownGroupIds } from "@/lib/server/directory";
import { ApiError } from "@/lib/server/platform/api-error";
import type { Store } from "@/lib/server/store/store";

// What an admin may make of a user's scope (docs/scopes.md § Setting a scope). Each refusal is a 422 about the
// `scope` (or `role`) field, and nothing is written.

const refuse = (path: "scope" | "role", key: string, message: string, values?: Record<string, string | number>, more = {}) =>
  ApiError.because("validation", key, message, values, { ...more, fields: [{ path, message, key, ...(values ? { values } : {}) }] });

/** At most this many unknown IDs are named in the message (all of them are in `details.unknownGroupIds`). */
const NAMED = 10;

/**
 * An admin sees every group: a scope on one (or on a user made admin in the same request) is refused. A scoped
 * user is made admin only with `scope: null` in the same request, so nobody widens a user's reach by accident.
 * Every group of a scope must be one the directory holds: a mistyped ID would silently hide a group.
 */
export async function assertScopeChange(db: Store, target: ConsoleUser, change: Omit<UpdateUserInput, "password">): Promise<void> {
  const role = change.role ?? target.role;
  const scope = change.scope === undefined ? target.scope : change.scope;
  if (role === "admin" && change.scope) throw refuse("scope", "scopeAdmin", "Admins see every group: an admin cannot be scoped");
  if (role === "admin" && scope)
    throw refuse("role", "scopedToAdmin", "This user is scoped: send scope: null with the role to make them an admin");
  if (!change.scope) return;
  const known = await knownGroupIds(db, change.scope.groupIds);
  const unknown = change.scope.groupIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw refuse(
      "scope",
      "scopeUnknownGroups",
      `The scope names groups the console does not know: ${unknown.slice(0, NAMED).join(", ")}`,
      { count: unknown.length, groups: unknown.slice(0, NAMED).join(", ") },
      { unknownGroupIds: unknown },
    );
}
