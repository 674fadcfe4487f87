import "server-only";
import { userScopeSchema, type Role, type UserScope } from "@/lib/schemas/user";

/**
 * The stored scope. It fails closed: a value that no longer reads as a scope limits the user to no group at
 * all rather than to every group; and an admin is never scoped, whatever the row says.
 */
export function scopeOfRow(raw: string | null, role: Role): UserScope | null {
  if (raw === null || role === "admin") return null;
  try {
    const parsed = userScopeSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    /* fall through */
  }
  return { groupIds: [] };
}
