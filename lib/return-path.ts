/**
 * Where a sign-in may send its user back to: a page of this console, on this console's origin, and nothing
 * else. `from` arrives from the address bar (`/login?from=…`), so it is an attacker's to choose: browsers read
 * `/\evil.example` as `//evil.example`, drop tabs and line breaks inside URLs, and follow `javascript:`. Resolving
 * it against our own origin with the URL parser the browser uses, then keeping only known page paths, leaves no
 * spelling that leads elsewhere. Used on both sides: the server's redirect and the form's `router.replace`.
 */
const CONSOLE_PAGES = [
  /^\/$/,
  /^\/groups$/,
  /^\/groups\/[^/]+$/,
  /^\/applications$/,
  /^\/audit$/,
  /^\/users$/,
  /^\/account$/,
  /^\/api-docs$/,
];

export const HOME = "/";

export function safeReturnPath(from: unknown, origin: string): string {
  if (typeof from !== "string" || from === "" || from.length > 2048) return HOME;
  let url: URL;
  try {
    url = new URL(from, origin);
  } catch {
    return HOME;
  }
  if (url.origin !== new URL(origin).origin) return HOME;
  if (!CONSOLE_PAGES.some((page) => page.test(url.pathname))) return HOME;
  return url.pathname + url.search;
}
