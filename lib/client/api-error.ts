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
    const fields = (this.details as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];
    return Object.fromEntries(fields.map((f) => [f.path, f.message]));
  }

  get imCode(): number | undefined {
    return (this.details as { imCode?: number } | undefined)?.imCode;
  }
}
