import "server-only";
import type { Group, GroupSort, ListGroupsQuery } from "@/lib/schemas/group";
import type { Page } from "@/lib/schemas/page";
import { ApiError } from "@/lib/server/platform/api-error";
import { scopeClause, type Asker } from "@/lib/server/platform/scope";
import { escapeLike, type SqlValue, type Store } from "@/lib/server/store/store";
import { fold, rowToGroup, type DirectoryRow } from "./repo";

const SORT_COLUMN: Record<string, string> = {
  created: "created_at",
  name: "name_fold",
  members: "member_count",
  pending: "pending_applications",
};

const NUMERIC_SORT_KEYS = new Set(["members", "pending"]);

function sortSpec(sort: GroupSort) {
  const desc = sort.startsWith("-");
  const key = desc ? sort.slice(1) : sort;
  return { column: SORT_COLUMN[key], desc, key };
}

type Cursor = { k: string; f: string; v: string | number; id: string };

/** The filters a cursor belongs to: a cursor from another view is refused rather than silently misapplied. */
const filterKey = (q: ListGroupsQuery) => JSON.stringify([q.type ?? "", q.joinOption ?? "", q.q ?? "", q.sort]);

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(raw: string, query: ListGroupsQuery): Cursor {
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

/**
 * Search, filter, sort and page the directory with keyset pagination, so page 2,000 costs what page 1 does.
 * `who` is whoever asks: a scoped user's list, counts and pages hold their groups alone (docs/scopes.md); null
 * (said, never assumed) is every group.
 */
export async function queryDirectory(db: Store, query: ListGroupsQuery, who: Asker | null): Promise<Page<Group>> {
  const where: string[] = [];
  const args: SqlValue[] = [];
  const scope = scopeClause(who, "id");
  if (scope) {
    where.push(scope.sql);
    args.push(...scope.args);
  }
  if (query.type) {
    where.push("type = ?");
    args.push(query.type);
  }
  if (query.joinOption) {
    where.push("join_option = ?");
    args.push(query.joinOption);
  }
  if (query.q) {
    // IDs match from their start and without case (as SQLite's LIKE always did), names anywhere in their folded form,
    // and an owner's exact user ID finds that user's groups.
    where.push("(id = ? OR lower(id) LIKE ? ESCAPE '\\' OR name_fold LIKE ? ESCAPE '\\' OR owner_id = ?)");
    args.push(query.q, `${escapeLike(query.q.toLowerCase())}%`, `%${escapeLike(fold(query.q))}%`, query.q);
  }
  const filter = where.length ? `WHERE ${where.join(" AND ")}` : "";
  // Without a search (or a scope), the total is a sum of the trigger-kept counts per type and join option (see the
  // migrations); those counts are of every group, so a scoped list counts its own rows.
  const total =
    query.q || scope
      ? (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM directory_groups ${filter}`, args))!.n
      : Number((await db.get<{ n: number | null }>(`SELECT SUM(n) AS n FROM directory_counts ${filter}`, args))!.n ?? 0);

  const { column, desc } = sortSpec(query.sort);
  const pageWhere = [...where];
  const pageArgs = [...args];
  if (query.cursor) {
    const c = decodeCursor(query.cursor, query);
    pageWhere.push(`(${column}, id) ${desc ? "<" : ">"} (?, ?)`);
    pageArgs.push(c.v, c.id);
  }
  const dir = desc ? "DESC" : "ASC";
  const rows = await db.all<DirectoryRow & Record<string, string | number>>(
    `SELECT * FROM directory_groups ${pageWhere.length ? `WHERE ${pageWhere.join(" AND ")}` : ""} ORDER BY ${column} ${dir}, id ${dir} LIMIT ?`,
    [...pageArgs, query.limit + 1],
  );
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(rowToGroup),
    nextCursor: more && last ? encodeCursor({ k: query.sort, f: filterKey(query), v: last[column], id: last.id }) : null,
    total,
  };
}
