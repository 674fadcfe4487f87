import "server-only";
import type { SessionUser, UserScope } from "@/lib/schemas/user";
import { placeholders, type SqlValue } from "@/lib/server/store/store";
import type { Actor } from "./actor";
import { ApiError } from "./api-error";

// Scoped users (docs/scopes.md): a console user limited to some groups sees and acts on those alone. These
// helpers are the one reading of a scope that every feature shares, so each applies it the same way.

/** Whoever asks: the Actor a service takes, or the session user a page holds. */
export type Asker = Actor | Pick<SessionUser, "scope">;

/** Whoever has no session: scoped to no group, so a page drawn without one lists nothing. */
export const NO_GROUP: Pick<SessionUser, "scope"> = { scope: { groupIds: [] } };

/** The asker's scope, or null for every group (no scope, or an asker's absent scope). */
export function scopeOf(who: Asker | null | undefined): UserScope | null {
  if (!who) return null;
  return ("user" in who ? who.user.scope : who.scope) ?? null;
}

/** The group IDs the asker is limited to, or null for every group. */
export const scopedGroupIds = (who: Asker | null | undefined): readonly string[] | null => scopeOf(who)?.groupIds ?? null;

/** Whether the asker may see this group. */
export function inScope(who: Asker | null | undefined, groupId: string): boolean {
  const ids = scopedGroupIds(who);
  return ids === null || ids.includes(groupId);
}

/**
 * What a group the console does not know answers. A group outside the asker's scope answers exactly this
 * (same code, message and details), before anything is asked of the IM server: its existence is not revealed.
 */
export const groupNotFound = () => ApiError.because("not_found", "groupGone", "This group does not exist or has been dismissed");

/** Throws the unknown group's 404 unless the asker may see this group. */
export function assertGroupInScope(who: Asker | null | undefined, groupId: string): void {
  if (!inScope(who, groupId)) throw groupNotFound();
}

/**
 * A SQL condition keeping the asker's groups: `column IN (?, …)` with its values, `1 = 0` for a scope that
 * holds no group, and null for every group (nothing to add). At most 1,000 values: within both databases' limits.
 */
export function scopeClause(who: Asker | null | undefined, column: string): { sql: string; args: SqlValue[] } | null {
  const ids = scopedGroupIds(who);
  if (ids === null) return null;
  if (ids.length === 0) return { sql: "1 = 0", args: [] };
  return { sql: `${column} IN (${placeholders(ids.length)})`, args: [...ids] };
}

/** Keeps the items of the asker's groups (for lists read from the IM server or built in memory). */
export function keepInScope<T>(who: Asker | null | undefined, items: readonly T[], groupOf: (item: T) => string): T[] {
  const ids = scopedGroupIds(who);
  if (ids === null) return [...items];
  const allowed = new Set(ids);
  return items.filter((item) => allowed.has(groupOf(item)));
}
