import "server-only";
import type { NextRequest } from "next/server";
import { log } from "@/lib/server/platform/log";
import type { RequestContext } from "@/lib/server/platform/request-context";

/**
 * `/api/groups/%40TGS%23x/members` → `/api/groups/[id]/members`: lines group by route, IDs stay out of it. A `#`
 * sent unencoded (`/api/groups/@TGS#x/members`) is parsed as the start of a fragment, though it reached the
 * server as part of the path: the fragment is put back, or the line would read `/api/groups/@TGS`.
 */
export function routeOf(url: { pathname: string; hash: string }, params: Record<string, string>): string {
  const names = new Map(Object.entries(params).map(([k, v]) => [encodeURIComponent(v), k]));
  return (url.pathname + url.hash)
    .split("/")
    .map((seg) => {
      const name = names.get(seg) ?? names.get(encodeURIComponent(safeDecode(seg)));
      return name ? `[${name}]` : seg;
    })
    .join("/");
}

function safeDecode(seg: string): string {
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

/** The one line per API request: no query string, no body, no header — nothing that could carry a secret. */
export function logApiRequest(
  req: NextRequest,
  status: number,
  ctx: RequestContext,
  started: number,
  params: Record<string, string>,
): void {
  const failed = ctx.im.find((c) => c.code !== 0);
  const last = failed ?? ctx.im[ctx.im.length - 1];
  // A 4xx is the caller's mistake, not the console's: only 5xx lines are errors.
  log(status >= 500 ? "error" : "info", "api request", {
    requestId: ctx.requestId,
    method: req.method,
    route: routeOf(req.nextUrl, params),
    status,
    ms: Math.round(performance.now() - started),
    userId: ctx.userId ?? null,
    ...(last ? { imCommand: last.command, imCode: last.code, im: ctx.im } : {}),
  });
}
