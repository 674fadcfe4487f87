import "server-only";
import { ROLES, roleSchema, type Role } from "@/lib/schemas/user";

/**
 * OIDC_ROLES: who gets which console role when signing in with single sign-on. Comma-separated rules
 * `<who>=<role>`, where <who> is an email (`alice@example.com`), an email pattern with `*`
 * (`*@example.com`), or a claim of the ID token (`claim:groups:console-admins`: the claim `groups`, a list
 * or a string, holds that value; nested claims by dots, `claim:realm_access.roles:admin`). Every rule that
 * matches counts and the highest role wins, so the order of rules does not matter; no match, no entry.
 */
export type RoleRule = { kind: "email"; pattern: RegExp; role: Role } | { kind: "claim"; path: string[]; value: string; role: Role };

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

export function parseRoleRules(spec: string): RoleRule[] {
  const rules = spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)
    .map((part): RoleRule => {
      const at = part.lastIndexOf("=");
      const who = part.slice(0, at).trim();
      const role = roleSchema.safeParse(part.slice(at + 1).trim());
      if (at <= 0 || !role.success)
        throw new Error(`OIDC_ROLES: "${part}" is not <email, *@domain or claim:name:value>=<${ROLES.join("|")}>`);
      if (who.startsWith("claim:")) {
        const [, path, ...value] = who.split(":");
        if (!path || value.join(":") === "") throw new Error(`OIDC_ROLES: "${part}" needs claim:<name>:<value>`);
        return { kind: "claim", path: path.split("."), value: value.join(":"), role: role.data };
      }
      if (!/^[^@\s]+@[^@\s]+$/.test(who))
        throw new Error(`OIDC_ROLES: "${who}" is neither an email, an email pattern nor claim:<name>:<value>`);
      return { kind: "email", pattern: new RegExp(`^${who.split("*").map(escape).join("[^@]*")}$`, "i"), role: role.data };
    });
  if (rules.length === 0) throw new Error("OIDC_ROLES: at least one rule is needed, or nobody could sign in");
  return rules;
}

function claimAt(claims: Record<string, unknown>, path: string[]): unknown {
  return path.reduce<unknown>(
    (v, key) => (v && typeof v === "object" && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined),
    claims,
  );
}

function holds(claim: unknown, value: string): boolean {
  if (Array.isArray(claim)) return claim.some((c) => holds(c, value));
  return (typeof claim === "string" || typeof claim === "number" || typeof claim === "boolean") && String(claim) === value;
}

/**
 * The email of these claims, only when the IdP says it verified it: anyone can type any address into their IdP
 * profile, so an unverified one proves nothing (and must neither earn a role nor name a console user).
 */
export function verifiedEmail(claims: Record<string, unknown>): string | null {
  return typeof claims.email === "string" && claims.email_verified === true ? claims.email.trim().toLowerCase().slice(0, 254) : null;
}

/** The role these ID-token claims earn, or null. An email counts only when verified. */
export function roleFor(rules: RoleRule[], claims: Record<string, unknown>): Role | null {
  const email = verifiedEmail(claims);
  let best: Role | null = null;
  for (const rule of rules) {
    const match = rule.kind === "email" ? email !== null && rule.pattern.test(email) : holds(claimAt(claims, rule.path), rule.value);
    if (match && (best === null || ROLES.indexOf(rule.role) > ROLES.indexOf(best))) best = rule.role;
  }
  return best;
}
