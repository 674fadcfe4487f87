import { z } from "zod";

export const ROLES = ["viewer", "moderator", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles nest: admin ⊃ moderator ⊃ viewer. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export type SessionUser = { id: string; email: string; name: string; role: Role };

/** UI-only predicates: they hide controls; the route handlers are what enforce. */
export const canCreateGroup = (u: Pick<SessionUser, "role">) => roleAtLeast(u.role, "admin");
