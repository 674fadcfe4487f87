/**
 * Whether a failed fetch never put the request on the wire: the connection could not be opened (refused, no
 * such host, no route, TLS refused) or fetch refused the address itself. Anything else (a reset, the other
 * side closing) may have come after the request went out, so its outcome is unknown.
 */
const CONNECT_FAILURES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);
const TLS_REFUSAL = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

type Cause = { code?: unknown; errors?: unknown };

function connectFailure(cause: Cause): boolean {
  // Several addresses tried one after another (IPv6, then IPv4): never sent if none would connect.
  if (Array.isArray(cause.errors) && cause.errors.length > 0) return cause.errors.every((e) => connectFailure((e ?? {}) as Cause));
  return typeof cause.code === "string" && (CONNECT_FAILURES.has(cause.code) || TLS_REFUSAL.test(cause.code));
}

export function neverSent(err: unknown): boolean {
  const cause = (err as { cause?: unknown } | null)?.cause;
  if (!cause || typeof cause !== "object") return false;
  // A network error without a code is fetch refusing the address before connecting (a blocked port).
  if (!("code" in cause) && !("errors" in cause)) return true;
  return connectFailure(cause as Cause);
}
