import "./no-eval";

/** A message the UI can translate: a key of the `Reasons` messages and its values. */
export type Reason = { key: string; values?: Record<string, string | number> };

/** A refinement whose issue names its translation key; the English message stays for scripts. */
export function because(key: string, message: string, values: Record<string, string | number> = {}) {
  return { message, params: { key, ...values } };
}

/** Apart from zod (issue-reasons.ts) so that the browser can name a 422's fields without loading it. */
export { reasonOfIssue } from "./issue-reasons";
