import "server-only";
import { randomUUID } from "node:crypto";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { SessionUser } from "@/lib/schemas/user";
import { recordEvent } from "./audit";
import { activeAdminCount, ADMIN_ROLES } from "./console-users";
import type { OidcConfig } from "./env";
import { roleFor } from "./oidc-roles";
import type { Store } from "./store/store";

export const OIDC_PROVIDER_ID = "oidc";

/** A password hash no password matches: users made by single sign-on have none until an admin sets one. */
const NO_PASSWORD = "!";

type Claims = Record<string, unknown>;

/** next-auth v4's generic OIDC provider, configured from the issuer's discovery document. */
export function oidcProvider(c: OidcConfig): OAuthConfig<Claims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: c.name,
    type: "oauth",
    wellKnown: `${c.issuer}/.well-known/openid-configuration`,
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (p) => ({
      id: String(p.sub),
      email: typeof p.email === "string" ? p.email : null,
      name: typeof p.name === "string" ? p.name : typeof p.preferred_username === "string" ? p.preferred_username : null,
    }),
  };
}

type Row = { id: number; email: string; name: string; role: SessionUser["role"]; disabled: number };

/**
 * A single sign-on: the role comes from OIDC_ROLES; the console user is created on the first sign-in and
 * given the mapped role at every later one (the IdP is the source of truth), except that the last active
 * admin is never demoted. No role, no email or a disabled user: refused. Audited either way.
 */
export async function signInWithOidc(db: Store, c: OidcConfig, claims: Claims): Promise<SessionUser | null> {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase().slice(0, 254) : "";
  const name = typeof claims.name === "string" ? claims.name.slice(0, 100) : "";
  const role = roleFor(c.roles, claims);
  const audit = (actor: { id: string; email: string }, action: "auth.signin" | "auth.signin_failed", result: string) =>
    recordEvent(db, { actor, action, result, after: { provider: OIDC_PROVIDER_ID }, requestId: randomUUID() });
  const refuse = async (why: string) => {
    await audit({ id: "", email: email || String(claims.sub ?? "") }, "auth.signin_failed", why);
    return null;
  };
  if (!email) return refuse("no_email");
  if (!role) return refuse("no_role");

  const user = await db.transaction(
    async (tx): Promise<Row | null> => {
      const row = await tx.get<Row>("SELECT id, email, name, role, disabled FROM users WHERE lower(email) = ?", [email]);
      if (!row) {
        const created = await tx.get<{ id: number }>(
          "INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
          [email, name, role, NO_PASSWORD, new Date().toISOString()],
        );
        return { id: created!.id, email, name, role, disabled: 0 };
      }
      if (row.disabled) return null;
      const keepAdmin = row.role === "admin" && role !== "admin" && (await activeAdminCount(tx)) <= 1;
      const next = { role: keepAdmin ? row.role : role, name: row.name || name };
      await tx.run("UPDATE users SET role = ?, name = ? WHERE id = ?", [next.role, next.name, row.id]);
      return { ...row, ...next };
    },
    { serializeOn: ADMIN_ROLES },
  );
  if (!user) return refuse("disabled");
  const session = { id: String(user.id), email: user.email, name: user.name, role: user.role };
  await audit(session, "auth.signin", "ok");
  return session;
}

/** The console user a single sign-on just let in (found by the IdP's email), for the session token. */
export async function signedInByOidc(db: Store, email: string | null | undefined): Promise<SessionUser | null> {
  if (!email) return null;
  const row = await db.get<Row>("SELECT id, email, name, role, disabled FROM users WHERE lower(email) = ?", [email.trim().toLowerCase()]);
  return row && !row.disabled ? { id: String(row.id), email: row.email, name: row.name, role: row.role } : null;
}
