import "server-only";

/** The BFF's error codes and their one HTTP status each (docs/contracts.md § Errors). */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  claimed: 409,
  stale: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  rate_limited: 429,
  im_error: 502,
  im_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

// One process may hold several bundled copies of this class; the brand keeps `instanceof` true across them.
const BRAND = Symbol.for("group-console.ApiError");

/** The one error type of the BFF side: it becomes `{ error: { code, message, details? } }` with its status. */
export class ApiError extends Error {
  readonly name = "ApiError";
  readonly [BRAND] = true;

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** A refusal the UI can put in the reader's language: `details.reason` names a key of the `Reasons` messages. */
  static because(
    code: ErrorCode,
    key: string,
    message: string,
    values?: Record<string, string | number>,
    details: Record<string, unknown> = {},
  ) {
    return new ApiError(code, message, { ...details, reason: { key, ...(values ? { values } : {}) } });
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.details !== undefined ? { details: this.details } : {}) } };
  }
}
