import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { roleSchema } from "@/lib/schemas/user";
import { getContext } from "./context";
import { getEnv } from "./env";
import { clientIp, signInWithPassword } from "./sign-in";

/** next-auth v4 with JWT sessions (httpOnly, SameSite=Lax cookie); built lazily so builds need no secret. */
export function getAuthOptions(): AuthOptions {
  return {
    secret: getEnv().nextAuthSecret,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/login" },
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
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "role" in user) token.role = roleSchema.parse(user.role);
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub, role: token.role } };
      },
    },
  };
}
