import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { roleSchema } from "@/lib/schemas/user";
import { getContext } from "./context";
import { getEnv } from "./env";
import { OIDC_PROVIDER_ID, oidcProvider, signedInByOidc, signInWithOidc } from "./oidc";
import { clientIp, signInWithPassword } from "./sign-in";

/**
 * next-auth v4 with JWT sessions (httpOnly, SameSite=Lax cookie); built lazily so builds need no secret.
 * Email and password always (embedded mode, scripts); single sign-on as well when OIDC_* is set.
 */
export function getAuthOptions(): AuthOptions {
  const { nextAuthSecret, oidc } = getEnv();
  return {
    secret: nextAuthSecret,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    // A refused single sign-on comes back to the sign-in page, which says why (?error=AccessDenied).
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const { email, password } = credentials;
          const user = await signInWithPassword(getContext().db, { email, password, ip: clientIp(req?.headers) });
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
        },
      }),
      ...(oidc ? [oidcProvider(oidc)] : []),
    ],
    callbacks: {
      // Single sign-on gets in only with a role from OIDC_ROLES; the console user is made or updated here.
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        return Boolean(oidc && profile && (await signInWithOidc(getContext().db, oidc, profile as Record<string, unknown>)));
      },
      async jwt({ token, user, account }) {
        // The session names the console user, never the IdP's subject.
        const signedIn = account?.provider === OIDC_PROVIDER_ID ? await signedInByOidc(getContext().db, user?.email) : user;
        if (signedIn && "role" in signedIn) {
          token.sub = signedIn.id;
          token.role = roleSchema.parse(signedIn.role);
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub, role: token.role } };
      },
    },
  };
}
