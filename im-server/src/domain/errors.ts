// Tencent Cloud Chat error codes this server answers with (reference §6). Named so call sites read
// as the rule they enforce rather than as a bare number.
export const Code = {
  OK: 0,
  INTERNAL: 10002,
  INVALID_COMMAND: 10003,
  INVALID_PARAM: 10004,
  TOO_MANY_ACCOUNTS: 10005,
  NO_PERMISSION: 10007,
  OWNER_CANNOT_QUIT: 10009,
  GROUP_NOT_FOUND: 10010,
  GROUP_JSON_PARSE: 10011,
  ALREADY_MEMBER: 10013,
  GROUP_FULL: 10014,
  CALLBACK_REFUSED: 10016,
  SENDER_MUTED: 10017,
  RESPONSE_TOO_LARGE: 10018,
  ACCOUNT_NOT_FOUND: 10019,
  GROUP_ID_TAKEN: 10021,
  ALREADY_HANDLED: 10024,
  MSG_NOT_FOUND: 10030,
  RECALL_GROUP_TYPE: 10033,
  JSON_PARSE: 60003,
  RATE_LIMITED: 60007,
  ADMIN_REQUIRED: 60010,
  BAD_URL_PARAM: 60025,
  SIG_EXPIRED: 70001,
  SIG_EMPTY: 70002,
  SIG_INVALID: 70003,
  SIG_MISMATCH: 70009,
  SIG_IDENTIFIER_MISMATCH: 70013,
  SIG_SDKAPPID_MISMATCH: 70014,
  SDKAPPID_NOT_FOUND: 70020,
  ACCOUNT_NOT_IMPORTED: 70107,
  ACCOUNT_INVALID_PARAM: 70402,
  PROFILE_INVALID_PARAM: 40001,
  PROFILE_ACCOUNT_NOT_FOUND: 40003,
  MSG_INVALID_PARAM: 90001,
} as const;

/**
 * A refusal with a Tencent error code. `extra` fields are merged into the failure envelope
 * (e.g. who already handled an application), so callers get the facts without a second request.
 */
export class ImServerError extends Error {
  constructor(
    readonly code: number,
    readonly info: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(`${code}: ${info}`);
    this.name = "ImServerError";
  }
}

export function fail(code: number, info: string, extra?: Record<string, unknown>): never {
  throw new ImServerError(code, info, extra);
}

/** Parameter errors are the most common refusal; this keeps validators one line each. */
export function invalid(info: string): never {
  throw new ImServerError(Code.INVALID_PARAM, info);
}
