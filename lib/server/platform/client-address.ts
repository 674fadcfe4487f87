import "server-only";

/**
 * The header the console's front proxy (scripts/launch/front-proxy.ts) sets from the socket, or from the
 * X-Forwarded-For entries of as many proxies as TRUST_PROXY says to trust. It removes any copy a client sent,
 * so this is the only address the console believes; Next itself listens on loopback only, behind that proxy.
 */
export const CLIENT_ADDRESS_HEADER = "x-console-client-address";

type HeaderSource = Headers | Record<string, unknown> | undefined;

/** The client's address, or null when the request did not come through the front proxy. */
export function clientAddress(headers: HeaderSource): string | null {
  const raw = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  const value = typeof raw === "string" ? raw.trim() : "";
  return value ? value.slice(0, 64) : null;
}
