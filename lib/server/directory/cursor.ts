import "server-only";
import type { GroupSort, ListGroupsQuery } from "@/lib/schemas/group";
import { ApiError } from "@/lib/server/platform/api-error";

const SORT_COLUMN: Record<string, string> = {
  created: "created_at",
  name: "name_fold",
  members: "member_count",
  pending: "pending_applications",
};

const NUMERIC_SORT_KEYS = new Set(["members", "pending"]);

/** The column a sort walks (each has a keyset index, see the migrations), and its direction. */
export function sortSpec(sort: GroupSort) {
  const desc = sort.startsWith("-");
  const key = desc ? sort.slice(1) : sort;
  return { column: SORT_COLUMN[key], desc, key };
}

export type Cursor = { k: string; f: string; v: string | number; id: string };

/** The filters a cursor belongs to: a cursor from another view is refused rather than silently misapplied. */
const filterKey = (q: ListGroupsQuery) => JSON.stringify([q.type ?? "", q.joinOption ?? "", q.q ?? "", q.sort]);

/** The cursor of the page after the row with this sort value and ID. */
export function encodeCursor(query: ListGroupsQuery, v: string | number, id: string): string {
  const c: Cursor = { k: query.sort, f: filterKey(query), v, id };
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(raw: string, query: ListGroupsQuery): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    // The value must be of its column's kind: a forged one is a bad request, not a database error.
    const numeric = NUMERIC_SORT_KEYS.has(sortSpec(query.sort).key);
    const valueOk = numeric ? Number.isSafeInteger(c?.v) && Math.abs(c.v as number) < 2 ** 31 : typeof c?.v === "string";
    if (c && c.f === filterKey(query) && typeof c.id === "string" && valueOk) return c;
  } catch {
    /* fall through */
  }
  throw ApiError.because("bad_request", "badCursor", "That page cursor is not valid for this list; start from the first page");
}
