// /api/auth/* — next-auth's sign-in, sign-out, session and CSRF endpoints
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/server/auth/auth-options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so that `next build` needs no secret.
async function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, getAuthOptions());
}

export { handler as GET, handler as POST };
