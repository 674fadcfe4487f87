/** The browser side's one error: what the BFF answered, in its error contract (or a network failure, status 0). */
export class ApiError extends Error {
  readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Field paths → messages, from a 422's `details.fields`. */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.fields.map((f) => [f.path, f.message]));
  }

  /** A 422's fields, each with the translation key the BFF named for it (if any). */
  get fields(): ApiField[] {
    return (this.details as { fields?: ApiField[] } | undefined)?.fields ?? [];
  }

  /** The translation key (of the `Reasons` messages) the BFF named for this refusal, if any. */
  get reason(): { key: string; values?: Record<string, string | number> } | undefined {
    return (this.details as { reason?: { key: string; values?: Record<string, string | number> } } | undefined)?.reason;
  }

  get imCode(): number | undefined {
    return (this.details as { imCode?: number } | undefined)?.imCode;
  }
}

export type ApiField = { path: string; message: string; key?: string; values?: Record<string, string | number> };
