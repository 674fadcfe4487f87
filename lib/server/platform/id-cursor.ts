import "server-only";
import { ApiError } from "./api-error";

// The list's name is inside the cursor, so a cursor from one list is refused by another instead of misapplied.
export function encodeIdCursor(list: string, id: string | number): string {
  return Buffer.from(`${list}:${id}`).toString("base64url");
}

export function decodeIdCursor(list: string, raw: string): number {
  const match = /^([a-z]+):(\d{1,16})$/.exec(Buffer.from(raw, "base64url").toString("utf8"));
  if (!match || match[1] !== list)
    throw ApiError.because("bad_request", "badCursor", "That page cursor is not valid for this list; start from the first page");
  return Number(match[2]);
}
