import "server-only";
import type { ApiOperation, ApiParameter, ApiResponse, ApiResponseRef, JsonSchema } from "@/lib/schemas/openapi";
import type { ErrorCode } from "@/lib/server/platform/api-error";
import type { HttpMethod, RouteDeclaration } from "./declaration";
import { statusOf } from "./errors";
import { jsonSchema } from "./json-schema";

const SUCCESS: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted: the work goes on after the answer",
  204: "Done; no body",
};

/** One operation of the reference, from its route's declaration. */
export function operation(path: string, method: HttpMethod, d: RouteDeclaration): ApiOperation {
  const parameters = [...pathParameters(path), ...queryParameters(d.query)];
  return {
    operationId: `${method.toLowerCase()}${path.replace(/^\/api/, "").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: d.summary,
    ...(d.description ? { description: d.description } : {}),
    tags: [path.split("/")[2]?.replace(/\..*$/, "") ?? "api"],
    "x-role": d.role,
    ...(d.role === "anyone" || d.role === "im-server" ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(d.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(d.body, "input") } } } } : {}),
    responses: { [String(d.status ?? 200)]: success(d), ...failures(path, method, d) },
  };
}

function pathParameters(path: string): ApiParameter[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    description: "URL-encoded: IDs may hold #, /, ? or %",
    schema: { type: "string" },
  }));
}

function queryParameters(query: RouteDeclaration["query"]): ApiParameter[] {
  if (!query) return [];
  const json = jsonSchema(query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return {
      name,
      in: "query",
      required: json.required?.includes(name) ?? false,
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

function success(d: RouteDeclaration): ApiResponse {
  const description = SUCCESS[d.status ?? 200];
  if (d.status === 204) return { description };
  if (d.produces === "text/csv")
    return { description: `${description}: a CSV file`, content: { "text/csv": { schema: { type: "string" } } } };
  if (d.produces === "text/event-stream")
    return {
      description: `${description}: server-sent events, until the session ends`,
      content: { "text/event-stream": { schema: { type: "string" } } },
    };
  return { description, content: { "application/json": d.output ? { schema: jsonSchema(d.output, "output") } : {} } };
}

/** The errors a route may answer, by what it declares: each refers to the shared response of its code. */
function failures(path: string, method: HttpMethod, d: RouteDeclaration): Record<string, ApiResponse | ApiResponseRef> {
  // The webhook answers in Tencent's envelope, never in the error contract: the IM server reads ErrorCode.
  if (d.role === "im-server") {
    const envelope = d.output ? { content: { "application/json": { schema: jsonSchema(d.output, "output") } } } : {};
    return {
      "4XX": { description: "Refused (no or wrong Sign, RequestTime too far off, not JSON, over 1 MB), in the same envelope", ...envelope },
    };
  }
  const codes: ErrorCode[] = [...(d.errors ?? [])];
  const session = d.role !== "anyone";
  if (session) codes.push("unauthenticated", "forbidden", "im_error", "im_unavailable");
  if (path.includes("{")) codes.push("not_found");
  if (d.query || d.body) codes.push("bad_request", "validation");
  if (d.body) codes.push("payload_too_large", "unsupported_media_type");
  if (session && method !== "GET") codes.push("conflict", "rate_limited");
  codes.push("internal");
  const sorted = [...new Set(codes)].sort((a, b) => statusOf(a) - statusOf(b));
  return Object.fromEntries(sorted.map((code) => [String(statusOf(code)), { $ref: `#/components/responses/${code}` }]));
}
