import "server-only";
import type { z } from "zod";
import type { Access } from "@/lib/schemas/openapi";
import type { ErrorCode } from "@/lib/server/platform/api-error";

/** The methods a route module answers itself; Next answers HEAD with GET, and OPTIONS is answered for every module. */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type SuccessStatus = 200 | 201 | 202 | 204;

/**
 * What a route says of itself. route() records it from its spec; the few handlers outside route() declare it
 * with `declared()`. The API reference (GET /api/openapi.json, /api-docs) is built from these alone.
 */
export type RouteDeclaration = {
  /** A console role or above (route() checks it), anyone (no session), or the IM server (signed webhooks). */
  role: Access;
  /** One line for the reference: what the route does, in the words of its file's header comment. */
  summary: string;
  /** What a caller needs to know beyond the summary and the schemas (Markdown: `code`). */
  description?: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The JSON a success answers (route() makes the handler's return type match it). */
  output?: z.ZodType;
  /** The success status when not 200; route() answers it (204: no body). */
  status?: SuccessStatus;
  /** A success that is not JSON. */
  produces?: "text/csv" | "text/event-stream";
  /** Error codes it may answer beyond those its role, path, query and body imply (see the reference's operation()). */
  errors?: ErrorCode[];
};

export type Declared<H> = H & { readonly declaration: RouteDeclaration };

/** A handler that does not go through route() (no session, or another answer format), with its declaration. */
export function declared<A extends unknown[], R>(declaration: RouteDeclaration, handler: (...args: A) => R): Declared<(...args: A) => R> {
  return Object.assign((...args: A) => handler(...args), { declaration });
}

export function declarationOf(handler: unknown): RouteDeclaration | null {
  if (typeof handler !== "function" || !("declaration" in handler)) return null;
  return (handler as Declared<unknown>).declaration;
}
