import "./no-eval";

/** A refinement whose issue names its translation key; the English message stays for scripts. */
export function because(key: string, message: string, values: Record<string, string | number> = {}) {
  return { message, params: { key, ...values } };
}

/** Apart from zod (issue-reasons.ts) so that the browser can name a 422's fields without loading it. */
export { reasonOfIssue, type Reason } from "./issue-reasons";
