/**
 * Faces (users' and groups' pictures) are URLs set in the IM app. Loading one tells its host the moderator's
 * address, so the browser loads them only from the hosts FACE_HOSTS names; any other face shows initials.
 * Pure: the page policy (proxy.ts), the server and the browser share it.
 */

/** A host name, optionally `*.` (any subdomain) and a port: the same rule the configuration is checked with. */
const HOST_ENTRY = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

/** Whether one (trimmed, lower-case) FACE_HOSTS entry is a host name as this module reads them. */
export const isFaceHostEntry = (entry: string) => HOST_ENTRY.test(entry);

/** FACE_HOSTS ("faces.example.com,*.cdn.example.net") as lower-case entries; anything else is left out. */
export function parseFaceHosts(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => HOST_ENTRY.test(h));
}

/** `https://<entry>` for each allowed host: the page's img-src sources. */
export function faceHostSources(hosts: readonly string[]): string[] {
  return hosts.map((h) => `https://${h}`);
}

function entryMatches(entry: string, hostname: string, port: string): boolean {
  const [name, entryPort = ""] = entry.split(":");
  if ((entryPort === "443" ? "" : entryPort) !== port) return false;
  // As in a Content-Security-Policy: `*.example.com` is any subdomain, not example.com itself.
  return name.startsWith("*.") ? hostname.endsWith(name.slice(1)) : hostname === name;
}

/** Whether the browser may load this face: https, no user info, from an allowed host (and port). */
export function faceAllowed(url: string, hosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" || parsed.username || parsed.password) return false;
  return hosts.some((entry) => entryMatches(entry, parsed.hostname, parsed.port));
}
