// The part of OpenAPI 3.1 the console's API reference uses: built on the server (GET /api/openapi.json) and
// rendered by the /api-docs page, so both sides read one shape.
import type { Role } from "./user";

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1), as zod writes it. */
export type JsonSchema = { [keyword: string]: unknown };

/** Who may call a route: a console role or above, anyone (no session), or the IM server (signed webhooks). */
export type Access = Role | "anyone" | "im-server";

export type ApiParameter = { name: string; in: "path" | "query"; required: boolean; description?: string; schema: JsonSchema };
export type ApiContent = Record<string, { schema?: JsonSchema }>;
export type ApiResponse = {
  description: string;
  content?: ApiContent;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  /** On the shared error responses: the status each code is answered with. */
  "x-status"?: number;
};
export type ApiResponseRef = { $ref: string };

export type ApiOperation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  "x-role": Access;
  /** Present and empty on the routes that need no session. */
  security?: Record<string, string[]>[];
  parameters?: ApiParameter[];
  requestBody?: { required: boolean; content: ApiContent };
  responses: Record<string, ApiResponse | ApiResponseRef>;
};

export const OPERATION_METHODS = ["get", "post", "put", "patch", "delete"] as const;
export type OperationMethod = (typeof OPERATION_METHODS)[number];

export type ApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  security: Record<string, string[]>[];
  tags: { name: string }[];
  paths: Record<string, Partial<Record<OperationMethod, ApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ApiResponse>;
    securitySchemes: Record<string, { type: "apiKey"; in: "cookie"; name: string; description: string }>;
  };
};
