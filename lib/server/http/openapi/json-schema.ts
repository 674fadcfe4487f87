import "server-only";
import { z } from "zod";
import type { JsonSchema } from "@/lib/schemas/openapi";

/**
 * A zod schema as JSON Schema 2020-12, the dialect of OpenAPI 3.1: what a caller sends (`input`: defaults
 * optional, coerced query numbers as numbers) or what it gets back (`output`). Refinements (UTF-8 byte limits,
 * cross-field rules) have no JSON Schema form and are left out: a 422 names them.
 */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json: JsonSchema = {
    ...z.toJSONSchema(schema, { io, unrepresentable: "any", override: ({ jsonSchema }) => tidy(jsonSchema, io) }),
  };
  delete json.$schema; // the document's dialect already says it
  return json;
}

function tidy(json: JsonSchema, io: "input" | "output"): void {
  // z.int() bounds itself to safe integers: true, but noise on every count.
  if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
  if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
  // Answers are not parsed on the way out, and may gain fields: a client should ignore what it does not know.
  if (io === "output" && json.additionalProperties === false) delete json.additionalProperties;
}
