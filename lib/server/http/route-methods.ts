import "server-only";
import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/server/platform/api-error";
import { HTTP_METHODS, type HttpMethod } from "./openapi/declaration";
import { errorResponse, inRequestContext } from "./route";

type Segment = { params: Promise<Record<string, string>> };
type Handler = (req: NextRequest, segment: Segment) => Promise<Response> | Response;
type Exports<H> = H & Record<HttpMethod, Handler> & { OPTIONS: Handler };

/**
 * A route module's exports: its handlers, and every other method answered 405 in the error contract with an
 * `Allow` header — Next alone answers those with an empty 405 and no `Allow`. Once every method is exported,
 * Next's automatic OPTIONS would list them all, so OPTIONS is answered here (204 with the same `Allow`).
 * Use: `export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: route(…), POST: route(…) })`.
 */
export function methods<H extends Partial<Record<HttpMethod, Handler>>>(handlers: H): Exports<H> {
  const own = HTTP_METHODS.filter((m) => handlers[m]);
  const allow = [...own, ...(own.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
  const refuse: Handler = (req, segment) =>
    inRequestContext(req, segment, async ({ requestId }) => {
      const res = errorResponse(
        new ApiError("method_not_allowed", `${req.method} is not allowed here; this path answers ${allow}`, { allow }),
        requestId,
      );
      res.headers.set("allow", allow);
      return res;
    });
  const options: Handler = () => new Response(null, { status: 204, headers: { allow } });
  const all = Object.fromEntries(HTTP_METHODS.map((m) => [m, handlers[m] ?? refuse]));
  return { ...all, OPTIONS: options } as Exports<H>;
}

/**
 * Any /api path no route has: 404 in the error contract (Next would send its HTML page), signed in or not, as
 * the path's existence is no secret. Its log line names the path asked for.
 */
export const unknownApiPath = (req: NextRequest): Promise<Response> =>
  inRequestContext(req, undefined, async ({ requestId }) =>
    errorResponse(new ApiError("not_found", `There is no ${req.nextUrl.pathname} in this console's API; see /api/openapi.json`), requestId),
  );
