import "server-only";
import { z } from "zod";
import type { ApiResponse } from "@/lib/schemas/openapi";
import { ERROR_STATUS, type ErrorCode } from "@/lib/server/platform/api-error";
import { jsonSchema } from "./json-schema";

/** When each error code is answered (docs/contracts.md § Errors), for the reference's shared responses. */
const WHEN: Record<ErrorCode, string> = {
  bad_request: "Malformed JSON, or a cursor this list did not make",
  unauthenticated: "No session, or one that ended (`details.sessionEnded` says why)",
  forbidden: "The caller's role may not do this, or a mutation came from another site (`Origin`)",
  not_found: "No such group, application, member or user (or the group was dismissed)",
  method_not_allowed: "A method this path does not have; the `Allow` header lists those it has",
  conflict: "Taken, already done, or already handled by someone else (`details` says by whom)",
  claimed: "Another moderator is reviewing this application (`details: { by, name, expiresAt }`); send `force: true` to go ahead",
  stale: "What the caller was shown has changed (`expectTotal` of a job): `details.total` is the count now; ask again",
  payload_too_large: "The body is over 1 MB",
  unsupported_media_type: "The body was not sent as `application/json`",
  validation: "A value was refused: `details.fields` lists each field's `path`, `message` and translation `key`",
  rate_limited: "The IM server's rate limit, still reached after backing off (or too many open event streams)",
  im_error: "The IM server refused: `details.imCode` is its code",
  im_unavailable: "The IM server cannot be reached, or a write's outcome is unknown (its audit entry settles it later)",
  internal: "Something unexpected: logged with the request ID, never described",
};

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().meta({ description: "For an operator, in English; the code is for programs and support" }),
    details: z.unknown().optional(),
  }),
});

/** components.responses: one per error code, each `{ error: { code, message, details? } }`. */
export function errorResponses(): Record<ErrorCode, ApiResponse> {
  const entries = (Object.keys(ERROR_STATUS) as ErrorCode[]).map((code): [ErrorCode, ApiResponse] => [
    code,
    {
      description: `\`${code}\`: ${WHEN[code]}`,
      "x-status": ERROR_STATUS[code],
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      ...(code === "method_not_allowed"
        ? { headers: { Allow: { description: "The methods this path has", schema: { type: "string" } } } }
        : {}),
    },
  ]);
  return Object.fromEntries(entries) as Record<ErrorCode, ApiResponse>;
}

export const errorSchemaComponent = () => jsonSchema(errorBodySchema, "output");
export const statusOf = (code: ErrorCode) => ERROR_STATUS[code];
