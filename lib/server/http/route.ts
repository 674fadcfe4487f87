import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z, ZodError } from "zod";
import { ImError } from "@/lib/im/errors";
import { reasonOfIssue } from "@/lib/schemas/issues";
import { roleAtLeast, type Role, type SessionUser } from "@/lib/schemas/user";
import { ApiError } from "@/lib/server/platform/api-error";
import { apiErrorFromIm } from "@/lib/server/platform/im-error-words";
import { log } from "@/lib/server/platform/log";
import type { Declared, RouteDeclaration } from "./openapi/declaration";
import { BodyTooLargeError, readRequestBody } from "./read-capped-body";
import { requestContext, type RequestContext } from "@/lib/server/platform/request-context";
import { logApiRequest } from "./request-log";
import { assertRouteInScope, type ScopeCheck } from "./route-scope";
import { pathParamSchemas } from "./path-params";
import { requireUser } from "@/lib/server/auth/session";
import type { Actor } from "@/lib/server/platform/actor";
import { clientAddress } from "@/lib/server/platform/client-address";

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether a Promise hides somewhere inside a handler's answer: it would be sent as `{}` (a service call not
 * awaited). `route()` refuses such a handler at compile time; a Promise of the whole answer is fine.
 */
type HidesPromise<T> = T extends Response
  ? false
  : T extends PromiseLike<unknown>
    ? true
    : T extends (...args: never[]) => unknown
      ? false
      : T extends object
        ? true extends { [K in keyof T]-?: HidesPromise<T[K]> }[keyof T]
          ? true
          : false
        : false;
type AnswerCheck<R> = HidesPromise<Awaited<R>> extends true ? [error: "an answer holds a Promise: await it"] : [];
/** What a handler may answer: a Response, or data of the declared output (anything, when none is declared). */
type Answer<O extends z.ZodType> = z.output<O> | Response;

/** A route's declaration (see RouteDeclaration): its role is a console role, and its schemas are typed. */
type Spec<Q extends z.ZodType, B extends z.ZodType, O extends z.ZodType> = Omit<RouteDeclaration, "role" | "query" | "body" | "output"> & {
  role: Role;
  query?: Q;
  body?: B;
  output?: O;
  /** For a route bound to a group through something else (an application): how a scoped user is checked. */
  scopeCheck?: ScopeCheck;
};
type Segment = { params: Promise<Record<string, string>> };

export type RouteContext<Q, B> = {
  req: NextRequest;
  user: SessionUser;
  query: Q;
  body: B;
  params: Record<string, string>;
  requestId: string;
  /** The user, the request and the client's address, as the services take them. */
  actor: Actor;
};

/**
 * Every BFF route: same-origin check for mutations → session → role → JSON body (≤1 MB) → zod → scope → handler,
 * and every failure answered in the error contract. Handlers return data (200, or the declared `status`) or a
 * Response. Each request runs in its own context (request ID, user, IM commands) and ends with one log line.
 * The spec is also the route's declaration for the API reference (see RouteDeclaration).
 */
export function route<
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  O extends z.ZodType = z.ZodUnknown,
  R extends Answer<O> | PromiseLike<Answer<O>> = Answer<O>,
>(
  spec: Spec<Q, B, O>,
  handler: (ctx: RouteContext<z.output<Q>, z.output<B>>) => R,
  // Only its type matters: with a Promise inside the answer, route() demands an argument no caller gives.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  ...noPromiseInside: AnswerCheck<R>
): Declared<(req: NextRequest, segment: Segment) => Promise<Response>> {
  // The scope check is the wrapper's, not part of the route's declaration.
  const { scopeCheck, ...declared } = spec;
  const handle = async (req: NextRequest, segment: Segment, ctx: RequestContext): Promise<Response> => {
    const { requestId } = ctx;
    try {
      if (MUTATIONS.has(req.method)) assertSameOrigin(req);
      // 401 when there is no session, saying why when one was ended (the page then tells its user).
      const user = await requireUser();
      ctx.userId = user.id;
      if (!roleAtLeast(user.role, spec.role)) throw new ApiError("forbidden", `This needs the ${spec.role} role`);
      const query = spec.query ? parse(spec.query, Object.fromEntries(req.nextUrl.searchParams), "query") : undefined;
      const body = spec.body ? parse(spec.body, await readJson(req), "body") : undefined;
      const params = (await segment?.params) ?? {};
      for (const [name, schema] of pathParamSchemas(req.nextUrl.pathname, params)) parse(schema, params[name], `path ${name}`);
      // A scoped user reaching another group's route gets that of an unknown group (docs/scopes.md § Routes).
      await assertRouteInScope(user, req.nextUrl.pathname, params, scopeCheck);
      const actor: Actor = { user, requestId, ip: clientAddress(req.headers) };
      const result = await handler({ req, user, query: query as z.output<Q>, body: body as z.output<B>, params, requestId, actor });
      const res = result instanceof Response ? result : answer(result, spec.status);
      res.headers.set("x-request-id", requestId);
      return res;
    } catch (err) {
      return errorResponse(err, requestId);
    }
  };
  // The declaration travels with the handler: the API reference reads it from the route modules.
  const declaration: RouteDeclaration = { ...declared };
  return Object.assign((req: NextRequest, segment: Segment) => inRequestContext(req, segment, (ctx) => handle(req, segment, ctx)), {
    declaration,
  });
}

function answer(result: unknown, status: RouteDeclaration["status"] = 200): Response {
  return status === 204 ? new Response(null, { status }) : NextResponse.json(result, { status });
}

/** One API request: its own context (request ID, user, IM commands), and one log line when it is answered. */
export function inRequestContext(
  req: NextRequest,
  segment: Segment | undefined,
  handle: (ctx: RequestContext) => Promise<Response>,
): Promise<Response> {
  const ctx: RequestContext = { requestId: randomUUID(), im: [] };
  return requestContext.run(ctx, async () => {
    const started = performance.now();
    const res = await handle(ctx);
    const params = (await Promise.resolve(segment?.params).catch(() => null)) ?? {};
    logApiRequest(req, res.status, ctx, started, params);
    return res;
  });
}

export function errorResponse(err: unknown, requestId: string): Response {
  const apiError = toApiError(err);
  if (apiError.code === "internal") log("error", "unexpected error", { requestId, error: err });
  return NextResponse.json(apiError.toBody(), { status: apiError.status, headers: { "x-request-id": requestId } });
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ImError) return apiErrorFromIm(err);
  if (err instanceof ZodError) return validationError(err, "body");
  return new ApiError("internal", "Something went wrong on our side. It has been logged");
}

function validationError(err: ZodError, where: string): ApiError {
  // Each field names its translation key too, so the UI can say it in the reader's language.
  const fields = err.issues.map((i) => ({ path: i.path.join("."), message: i.message, ...reasonOfIssue(i) }));
  const first = fields[0];
  return new ApiError("validation", first ? `${first.path || where}: ${first.message}` : "Invalid input", { fields });
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/** Browsers always send Origin on cross-site mutations; scripts send none and are allowed (docs/contracts.md § Sessions, scripts and CSRF). */
function assertSameOrigin(req: NextRequest) {
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ApiError("forbidden", "Cross-site request refused");
  }
  if (originHost !== host) throw new ApiError("forbidden", "Cross-site request refused");
}

async function readJson(req: NextRequest): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new ApiError("unsupported_media_type", "Send the body as application/json");
  let bytes: Uint8Array;
  try {
    bytes = await readRequestBody(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw new ApiError("payload_too_large", "The request body is over 1 MB");
    throw err;
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ApiError("bad_request", "The request body is not valid JSON");
  }
}
