import "server-only";
import { randomUUID } from "node:crypto";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { recordEvent } from "@/lib/server/audit/intents";
import type { OidcConfig } from "@/lib/server/platform/env";
import { roleFor, verifiedEmail } from "@/lib/server/platform/oidc-roles";
import { isUniqueViolation, type Store } from "@/lib/server/store/store";
import { userOfIdentity, linkIdentityTo, type IdentityUser } from "@/lib/server/users/identities";
import {
  activeAdminCount,
  ADMIN_ROLES,
  createUser,
  endSessions,
  getConsoleUser,
  toSignedIn,
  updateUserRow,
  userExists,
  type SignedInUser,
} from "@/lib/server/users/repo";

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

type Row = IdentityUser;

const subjectOf = (claims: Claims) =>
  typeof claims.sub === "string" && claims.sub.length > 0 && claims.sub.length <= 255 ? claims.sub : null;

const linkedUser = userOfIdentity;

/**
 * A single sign-on. An identity is the IdP's (issuer, subject), never an email: a user may set any address in
 * their IdP profile. So:
 *  - an identity already linked signs in as its console user, who takes the role OIDC_ROLES gives at every
 *    sign-in (the IdP is the source of truth), except that the last active admin is never demoted;
 *  - `linkTo` (a console user who signed in with their password and asked to link, see sso-link.ts) links it;
 *  - otherwise a new console user is created, but only for a verified email that no console user has yet: an
 *    identity is never attached to an existing account by email (an admin links it, or its owner does).
 * No subject, no role, no verified email for a new user, or a disabled user: refused. Audited either way.
 */
export async function signInWithOidc(db: Store, c: OidcConfig, claims: Claims, linkTo?: string): Promise<SignedInUser | null> {
  const subject = subjectOf(claims);
  const email = verifiedEmail(claims);
  const name = typeof claims.name === "string" ? claims.name.slice(0, 100) : "";
  const role = roleFor(c.roles, claims);
  const audit = (
    actor: { id: string; email: string },
    action: "auth.signin" | "auth.signin_failed",
    result: string,
    extra: Record<string, unknown> = {},
  ) => recordEvent(db, { actor, action, result, after: { provider: OIDC_PROVIDER_ID, subject, ...extra }, requestId: randomUUID() });
  const refuse = async (why: string, extra?: Record<string, unknown>) => {
    await audit(
      { id: "", email: email ?? (typeof claims.email === "string" ? claims.email.slice(0, 254) : (subject ?? "")) },
      "auth.signin_failed",
      why,
      extra,
    );
    return null;
  };
  if (!subject) return refuse("no_subject");
  if (!role) return refuse("no_role");

  const outcome = await db
    .transaction(
      async (tx): Promise<{ user: Row; linked?: boolean } | { refused: string }> => {
        let row = await linkedUser(tx, c.issuer, subject);
        let linked = false;
        if (!row && linkTo) {
          const target = await getConsoleUser(tx, linkTo);
          if (!target || target.disabled) return { refused: "disabled" };
          await linkIdentityTo(tx, c.issuer, subject, linkTo);
          row = await linkedUser(tx, c.issuer, subject);
          linked = true;
        }
        if (!row) {
          if (!email) return { refused: "no_verified_email" };
          if (await userExists(tx, email)) return { refused: "link_required" };
          const created = await createUser(tx, { email, name, role, passwordHash: NO_PASSWORD });
          await linkIdentityTo(tx, c.issuer, subject, created.id);
          return { user: { id: Number(created.id), email: created.email, name, role, disabled: 0, session_version: 1 } };
        }
        if (row.disabled) return { refused: "disabled" };
        const keepAdmin = row.role === "admin" && role !== "admin" && (await activeAdminCount(tx)) <= 1;
        const next = { role: keepAdmin ? row.role : role, name: row.name || name };
        await updateUserRow(tx, String(row.id), next);
        // A role the provider changed ends that user's other sessions, as a change made by an admin does.
        const session_version = next.role !== row.role ? await endSessions(tx, String(row.id), "role_changed") : row.session_version;
        return { user: { ...row, ...next, session_version }, linked };
      },
      { serializeOn: ADMIN_ROLES },
    )
    .catch((err) => {
      // The identity was linked to someone else a moment ago: it is theirs.
      if (isUniqueViolation(err)) return { refused: "identity_taken" } as const;
      throw err;
    });
  if ("refused" in outcome) return refuse(outcome.refused);
  const user = toSignedIn(outcome.user);
  await audit(user, "auth.signin", "ok", outcome.linked ? { linked: true } : {});
  return user;
}

/** The console user a single sign-on just let in (by the identity it linked or created), for the session token. */
export async function signedInByOidc(db: Store, c: OidcConfig, claims: Claims | undefined): Promise<SignedInUser | null> {
  const subject = claims ? subjectOf(claims) : null;
  if (!subject) return null;
  const row = await linkedUser(db, c.issuer, subject);
  return row && !row.disabled ? toSignedIn(row) : null;
}

/** An admin links an IdP subject (seen in the audit of a refused sign-in) to a console user. */
export async function linkIdentity(db: Store, c: OidcConfig, userId: string, subject: string): Promise<"linked" | "taken"> {
  try {
    await linkIdentityTo(db, c.issuer, subject, userId);
    return "linked";
  } catch (err) {
    if (isUniqueViolation(err)) return "taken";
    throw err;
  }
}
