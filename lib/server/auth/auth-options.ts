import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { roleSchema } from "@/lib/schemas/user";
import { clientAddress } from "@/lib/server/platform/client-address";
import { getContext } from "@/lib/server/platform/context";
import { getEnv } from "@/lib/server/platform/env";
import { OIDC_PROVIDER_ID, oidcProvider, signedInByOidc, signInWithOidc } from "./oidc";
import { claimsForSignIn, currentUser, endToken, SESSION_LIFETIME_SECONDS } from "./session";
import { takeLink } from "./sso-link";
import { signInWithPassword } from "./sign-in";
import type { SignedInUser } from "@/lib/server/users/repo";

/**
 * next-auth v4 with JWT sessions (httpOnly, SameSite=Lax cookie); built lazily so builds need no secret.
 * Email and password always (embedded mode, scripts); single sign-on as well when OIDC_* is set. What a token
 * must still match on every request (version, ID, sign-in time) is in session.ts.
 */
export function getAuthOptions(): AuthOptions {
  const { nextAuthSecret, oidc } = getEnv();
  return {
    secret: nextAuthSecret,
    // Renewed while used, but never past 12 hours after signing in (checked on every request: session.ts).
    session: { strategy: "jwt", maxAge: SESSION_LIFETIME_SECONDS },
    // A refused single sign-on comes back to the sign-in page, which says why (?error=AccessDenied).
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const { email, password } = credentials;
          return signInWithPassword(getContext().db, { email, password, ip: clientAddress(req?.headers) });
        },
      }),
      ...(oidc ? [oidcProvider(oidc)] : []),
    ],
    callbacks: {
      // Single sign-on gets in only with a linked or new identity and a role from OIDC_ROLES (oidc.ts).
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        if (!oidc || !profile) return false;
        // Someone signed in with their password who asked to link this identity to their account (sso-link.ts).
        const linkTo = await takeLink((await currentUser())?.id ?? null);
        return Boolean(await signInWithOidc(getContext().db, oidc, profile as Record<string, unknown>, linkTo));
      },
      async jwt({ token, user, account, profile }) {
        if (!user) return token;
        // The session names the console user, never the IdP's subject.
        const signedIn: SignedInUser | null =
          account?.provider === OIDC_PROVIDER_ID
            ? oidc
              ? await signedInByOidc(getContext().db, oidc, profile as Record<string, unknown> | undefined)
              : null
            : (user as unknown as SignedInUser);
        if (!signedIn) return token;
        return {
          ...token,
          ...claimsForSignIn(signedIn),
          role: roleSchema.parse(signedIn.role),
          email: signedIn.email,
          name: signedIn.name,
        };
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub, role: token.role } };
      },
    },
    events: {
      async signOut({ token }) {
        await endToken(getContext().db, token);
      },
    },
  };
}
