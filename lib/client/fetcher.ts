import { ApiError } from "./api-error";
import { fromDateHeader, hear } from "./server-clock";

/** Calls the BFF and returns its JSON, or throws ApiError. No toasts, no redirects: callers decide. */
export async function apiFetch<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal; keepalive?: boolean } = {},
): Promise<T> {
  let res: Response;
  const sentAt = Date.now();
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body !== undefined ? { "content-type": "application/json" } : undefined,
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
      keepalive: init.keepalive,
      credentials: "same-origin",
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "network", "The console cannot be reached. Check your connection and try again");
  }
  // Every answer says the server's time: relative times are measured against it (lib/client/server-clock).
  hear(fromDateHeader(res.headers.get("date"), sentAt, Date.now()));
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(res.status, error?.code ?? "unknown", error?.message ?? `The console answered ${res.status}`, error?.details);
  }
  return json as T;
}
