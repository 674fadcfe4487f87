import { z } from "zod";
import { groupIdSchema } from "./group";
import { because } from "./issues";
import { LOCALES, ROLES, SCOPE_MAX_GROUPS, THEMES } from "./constants";

export { LOCALES, ROLES, SCOPE_MAX_GROUPS, THEMES };

export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles nest: admin ⊃ moderator ⊃ viewer. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/**
 * The groups a scoped console user sees and acts on (docs/scopes.md); `null` is every group. Admins are never
 * scoped. Duplicates are refused rather than dropped, so what was sent is what is kept.
 */
export const userScopeSchema = z
  .object({
    groupIds: z
      .array(groupIdSchema)
      .min(1)
      .max(SCOPE_MAX_GROUPS)
      .refine((ids) => new Set(ids).size === ids.length, because("scopeDuplicates", "Each group may be named only once")),
  })
  .strict();
export type UserScope = z.infer<typeof userScopeSchema>;

/** `scope` absent reads as null (every group): a session always carries it, read afresh on every request. */
export type SessionUser = { id: string; email: string; name: string; role: Role; scope?: UserScope | null };

/** UI-only predicates: they hide controls; the route handlers are what enforce. */
export const canCreateGroup = (u: Pick<SessionUser, "role">) => roleAtLeast(u.role, "admin");
export const canEditGroup = (u: Pick<SessionUser, "role">) => roleAtLeast(u.role, "admin");
export const canModerate = (u: Pick<SessionUser, "role">) => roleAtLeast(u.role, "moderator");
export const canManageUsers = (u: Pick<SessionUser, "role">) => roleAtLeast(u.role, "admin");
export const canViewAudit = (u: Pick<SessionUser, "role">) => roleAtLeast(u.role, "admin");

export type Locale = (typeof LOCALES)[number];
export type Theme = (typeof THEMES)[number];

export const consoleUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  locale: z.enum(LOCALES),
  theme: z.enum(THEMES),
  scope: userScopeSchema.nullable(),
});
export type ConsoleUser = z.infer<typeof consoleUserSchema>;

// bcrypt only reads the first 72 bytes: a longer password would silently lose its tail.
export const passwordSchema = z
  .string()
  .refine((v) => v.length >= 10, because("passwordShort", "Password must be at least 10 characters", { min: 10 }))
  .refine((v) => new TextEncoder().encode(v).length <= 72, because("passwordLong", "Password must be at most 72 bytes", { max: 72 }));

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address" }));
const nameSchema = z
  .string()
  .trim()
  .refine((v) => v.length <= 100, because("nameLong", "Name must be at most 100 characters", { max: 100 }));

export const createUserSchema = z
  .object({ email: emailSchema, name: nameSchema.optional(), password: passwordSchema, role: roleSchema })
  .strict();
export type CreateUserInput = z.infer<typeof createUserSchema>;

const atLeastOne = (v: object) => Object.values(v).some((x) => x !== undefined);

export const updateUserSchema = z
  .object({
    name: nameSchema.optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
    scope: userScopeSchema.nullable().optional(),
  })
  .strict()
  .refine(atLeastOne, because("nothingToChange", "Nothing to change"));
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const updateMeSchema = z
  .object({
    name: nameSchema.optional(),
    locale: z.enum(LOCALES).optional(),
    theme: z.enum(THEMES).optional(),
    currentPassword: z.string().max(200).optional(),
    newPassword: passwordSchema.optional(),
  })
  .strict()
  .refine(atLeastOne, because("nothingToChange", "Nothing to change"))
  .refine((v) => v.newPassword === undefined || Boolean(v.currentPassword), {
    ...because("currentPasswordNeeded", "Enter your current password to set a new one"),
    path: ["currentPassword"],
  });
export type UpdateMeInput = z.infer<typeof updateMeSchema>;

export const listUsersQuerySchema = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

/** An admin links an identity provider's subject (the `sub` of its ID tokens) to a console user. */
export const linkSsoSchema = z.object({ subject: z.string().trim().min(1).max(255) }).strict();
export type LinkSsoInput = z.infer<typeof linkSsoSchema>;

/** An account that failed to sign in lately (GET /api/users/sign-in-failures): guessing, seen by admins. */
export const signInFailuresSchema = z.object({
  email: z.string(),
  failures: z.number().int(),
  addresses: z.number().int(),
  lastAt: z.string(),
});
export type SignInFailures = z.infer<typeof signInFailuresSchema>;
