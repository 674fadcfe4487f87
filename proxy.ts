import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { faceHostSources, parseFaceHosts } from "@/lib/face-hosts";
import { log } from "@/lib/server/platform/log";

/**
 * Every page visit gets a fresh nonce and a strict Content-Security-Policy: Next finds the nonce in the
 * request's CSP header and puts it on its own scripts, so no other script runs. Signed-out visits are
 * sent to /login?from=…. API routes are not matched: they answer 401 themselves, and take their security
 * headers from next.config.js. This only redirects; the route handlers are what authorize.
 */
export default async function proxy(req: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const token = req.nextUrl.pathname === "/login" ? null : await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  // Page requests get a line too (API requests log in the route wrapper): the path only, never the query.
  log("info", "page request", { method: req.method, path: req.nextUrl.pathname, userId: token?.sub ?? null });
  if (req.nextUrl.pathname !== "/login" && !token) {
    const login = new URL("/login", req.url);
    login.searchParams.set("from", req.nextUrl.pathname + req.nextUrl.search);
    const res = NextResponse.redirect(login);
    res.headers.set("content-security-policy", csp);
    return res;
  }
  const headers = new Headers(req.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

function contentSecurityPolicy(nonce: string): string {
  // React needs eval for its debugging aids in development only.
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // 'strict-dynamic': what the nonce'd Next runtime loads may run; nothing else, inline or from any host.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (React style props, Radix dialogs, Next's route announcer) cannot carry a nonce, and a
    // nonce in style-src would switch 'unsafe-inline' off: styles alone keep 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    // Faces of groups and users only from the hosts FACE_HOSTS names: any other host would learn each
    // moderator's address. Read per request, like the rest of this policy; invalid entries never get in.
    ["img-src 'self' data: blob:", ...faceHostSources(parseFaceHosts(process.env.FACE_HOSTS))].join(" "),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const config = {
  // `/api` itself is an API path too (answered 404 in the error contract by app/api/[[...path]]), not a page.
  matcher: ["/((?!api/|api$|_next/|favicon.ico|.*\\.[a-z0-9]+$).*)"],
};
