// Account (UserID) rules shared by imports, profiles, UserSig identifiers and the seed.
import { Code, fail } from "./errors";
import { LIMITS, utf8Bytes } from "./limits";

// Tencent recommends letters, digits, `_` and `-`; we also allow `.` and `@` so e-mail-like IDs
// imported from other systems survive, but never spaces or control characters.
const USER_ID = /^[A-Za-z0-9_.@-]+$/;

export function userIdProblem(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0) return "UserID must be a non-empty string";
  if (utf8Bytes(value) > LIMITS.userId) return `UserID is longer than ${LIMITS.userId} bytes`;
  if (!USER_ID.test(value)) return "UserID may only hold letters, digits, '_', '-', '.' and '@'";
  return null;
}

/** Account-service refusal (70402) for a malformed UserID. */
export function checkUserId(value: unknown): asserts value is string {
  const problem = userIdProblem(value);
  if (problem) fail(Code.ACCOUNT_INVALID_PARAM, problem);
}
