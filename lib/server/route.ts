import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z, ZodError } from "zod";
import { ImError } from "@/lib/im/errors";
import { reasonOfIssue } from "@/lib/schemas/issues";
import { roleAtLeast, type Role, type SessionUser } from "@/lib/schemas/user";
import { ApiError } from "./api-error";
import { apiErrorFromIm } from "./im-error-words";
import { log } from "./log";
import { BodyTooLargeError, readRequestBody } from "./read-capped-body";
import { requestContext, type RequestContext } from "./request-context";
import { logApiRequest } from "./request-log";
import { requireUser } from "./session";

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

type Spec<Q extends z.ZodType, B extends z.ZodType> = { role: Role; query?: Q; body?: B };

export type RouteContext<Q, B> = {
  req: NextRequest;
  user: SessionUser;
  query: Q;
  body: B;
  params: Record<string, string>;
  requestId: string;
};

/**
 * Every BFF route: same-origin check for mutations → session → role → JSON body (≤1 MB) → zod → handler,
 * and every failure answered in the error contract. Handlers return data (200) or a Response. Each request
 * runs in its own context (request ID, user, IM commands) and ends with one log line.
 */
export function route<Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, R = unknown>(
  spec: Spec<Q, B>,
  handler: (ctx: RouteContext<z.output<Q>, z.output<B>>) => R,
  // Only its type matters: with a Promise inside the answer, route() demands an argument no caller gives.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  ...noPromiseInside: AnswerCheck<R>
) {
  const handle = async (req: NextRequest, segment: { params: Promise<Record<string, string>> }, ctx: RequestContext): Promise<Response> => {
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
      const result = await handler({ req, user, query: query as z.output<Q>, body: body as z.output<B>, params, requestId });
      const res = result instanceof Response ? result : NextResponse.json(result);
      res.headers.set("x-request-id", requestId);
      return res;
    } catch (err) {
      return errorResponse(err, requestId);
    }
  };
  return (req: NextRequest, segment: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const ctx: RequestContext = { requestId: randomUUID(), im: [] };
    return requestContext.run(ctx, async () => {
      const started = performance.now();
      const res = await handle(req, segment, ctx);
      const params = (await Promise.resolve(segment?.params).catch(() => null)) ?? {};
      logApiRequest(req, res.status, ctx, started, params);
      return res;
    });
  };
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

/** Browsers always send Origin on cross-site mutations; scripts send none and are allowed (DESIGN §4). */
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
