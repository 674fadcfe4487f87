import type { z } from "zod";

/** A message the UI can translate: a key of the `Reasons` messages and its values. */
export type Reason = { key: string; values?: Record<string, string | number> };

/**
 * The translation key of a zod issue: the key a refinement named (see `because`), or one per kind of
 * built-in check, with the field and the bound as values.
 */
export function reasonOfIssue(issue: z.core.$ZodIssue): Reason {
  const field = String(issue.path[0] ?? "");
  if (issue.code === "custom" && typeof issue.params?.key === "string") {
    const { key, ...values } = issue.params as { key: string } & Record<string, string | number>;
    return { key, values: { field, ...values } };
  }
  // A number's bounds are its value's, not a length: "at most 1000000", not "1000000 characters".
  const numeric =
    issue.code === "too_small" || issue.code === "too_big"
      ? issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint"
      : false;
  if (issue.code === "too_small" && numeric)
    return { key: "numberTooSmall", values: { field, min: Number(issue.minimum), exclusive: issue.inclusive === false ? "yes" : "no" } };
  if (issue.code === "too_big" && numeric)
    return { key: "numberTooBig", values: { field, max: Number(issue.maximum), exclusive: issue.inclusive === false ? "yes" : "no" } };
  if (issue.code === "too_small")
    return { key: issue.origin === "array" ? "tooFew" : "tooShort", values: { field, min: Number(issue.minimum) } };
  if (issue.code === "too_big")
    return { key: issue.origin === "array" ? "tooMany" : "tooLong", values: { field, max: Number(issue.maximum) } };
  if (issue.code === "invalid_format")
    return { key: issue.format === "email" ? "email" : issue.format === "url" ? "url" : "format", values: { field } };
  return { key: "invalid", values: { field } };
}
