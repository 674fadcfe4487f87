/**
 * Tencent's `Next` cursor is a uint64 and may exceed 2^53: JSON.parse would silently round it.
 * On the way in we quote it before parsing; on the way out we write it back as a bare integer.
 */
const NEXT_NUMBER = /"Next"\s*:\s*(\d+)/g;
const NEXT_MARKER = /"Next"\s*:\s*"(\d+)#u64"/g;

export function parseWireJson(text: string): unknown {
  return JSON.parse(text.replace(NEXT_NUMBER, '"Next":"$1"'));
}

/** Serialise a body whose `Next` (when a digit string) must travel as a 64-bit integer. */
export function stringifyWireJson(body: Record<string, unknown>): string {
  const marked = typeof body.Next === "string" && /^\d+$/.test(body.Next) ? { ...body, Next: `${body.Next}#u64` } : body;
  return JSON.stringify(marked).replace(NEXT_MARKER, '"Next":$1');
}
