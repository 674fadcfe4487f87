// Paging cursors. The group-list cursor is Tencent's uint64 `Next`; ours adds a fixed offset above
// 2^53 to an internal sequence so a client that parses it as a JS number visibly breaks.
import { invalid } from "./errors";

export const GROUP_CURSOR_OFFSET = 1n << 60n;

export function encodeGroupCursor(seq: number): bigint {
  return GROUP_CURSOR_OFFSET + BigInt(seq);
}

/** Next 0 (or absent) starts from the beginning; anything else must be a cursor we handed out. */
export function decodeGroupCursor(raw: unknown): number {
  if (raw === undefined || raw === null) return 0;
  const text = typeof raw === "number" ? String(raw) : raw;
  if (typeof text !== "string" || !/^\d+$/.test(text)) invalid("Next must be a non-negative integer");
  const value = BigInt(text);
  if (value === 0n) return 0;
  if (value < GROUP_CURSOR_OFFSET || value - GROUP_CURSOR_OFFSET > BigInt(Number.MAX_SAFE_INTEGER)) {
    invalid("Next is not a cursor returned by this server");
  }
  return Number(value - GROUP_CURSOR_OFFSET);
}

/** Opaque string cursors (Community members, applications): base64url of a small JSON tuple. */
export function encodeStringCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

export function decodeStringCursor(raw: string, shape: readonly ("string" | "number")[]): (string | number)[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    invalid("Next is not a cursor returned by this server");
  }
  if (!Array.isArray(parts) || parts.length !== shape.length || parts.some((p, i) => typeof p !== shape[i])) {
    invalid("Next is not a cursor returned by this server");
  }
  return parts as (string | number)[];
}
