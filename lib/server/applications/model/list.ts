import "server-only";
import type { Application, ListApplicationsQuery } from "@/lib/schemas/application";
import type { Page } from "@/lib/schemas/page";
import { getDirectoryGroup } from "@/lib/server/directory";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { log } from "@/lib/server/platform/log";
import type { Store } from "@/lib/server/store/store";
import { searchText, selectionClause, type Selection, type Within } from "./filters";
import { toApplication, type ListedRow, type ModelRow } from "./rows";

type After = { createdAt: string; id: number };

/** The filters a cursor was made for, so one from another view is refused rather than silently misapplied. */
function bound(q: ListApplicationsQuery): string {
  return JSON.stringify([
    q.groupId ?? "",
    q.type ?? "",
    q.q ?? "",
    q.requesterId ?? "",
    q.olderThan ?? "",
    q.status,
    q.sort,
    q.handledBy ?? "",
    q.since ?? "",
    q.until ?? "",
  ]);
}
function encodeCursor(row: ModelRow, q: ListApplicationsQuery) {
  return Buffer.from(JSON.stringify({ c: row.created_at, i: Number(row.id), f: bound(q) })).toString("base64url");
}
function decodeCursor(raw: string, q: ListApplicationsQuery): After {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (typeof c.c === "string" && Number.isSafeInteger(c.i) && c.i > 0 && c.f === bound(q)) return { createdAt: c.c, id: c.i };
  } catch {
    /* fall through */
  }
  throw ApiError.because("bad_request", "badCursor", "That page cursor is not valid for this list; start from the first page");
}

/** Below this many matches, a page is read by a scan and a sort rather than through the time index. */
const SPARSE = 2_000;

// Beside each row: whether its requester was refused before (any group; for a scoped asker, any of their groups:
// docs/scopes.md § Lists and counts), whether moderators left notes, and the name of the rule that held it (if one did).
const flagColumns = (within: Selection["within"]) => {
  const mine = within ? (within.length ? ` AND r.group_id IN (${within.map(() => "?").join(", ")})` : " AND 1 = 0") : "";
  return {
    sql: `
  EXISTS (SELECT 1 FROM inbox_applications r WHERE r.requester_id = a.requester_id AND r.status = 'refused' AND r.id <> a.id${mine}) AS refused_before,
  EXISTS (SELECT 1 FROM app_user_notes n WHERE n.user_id = a.requester_id) AS has_note,
  (SELECT r.name FROM rules r WHERE a.held_by_rule IS NOT NULL AND CAST(r.id AS TEXT) = a.held_by_rule) AS held_rule_name`,
    args: within ? [...within] : [],
  };
};

/**
 * One keyset page: newest (created_at DESC, id DESC, the default) or oldest (the reverse), `after` being the
 * last row of the previous page in that order; the id breaks ties, so a page may end inside one timestamp.
 */
export async function listModel(
  db: Store,
  q: Selection & { sort: "newest" | "oldest"; limit: number; after?: After },
): Promise<{ rows: ListedRow[]; more: boolean; total: number }> {
  const [cmp, dir] = q.sort === "oldest" ? [">", "ASC"] : ["<", "DESC"];
  const where = selectionClause(db, q);
  const total = Number(
    (await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM inbox_applications a WHERE ${where.sql}`, where.args))!.n,
  );
  const page = q.after ? { sql: ` AND (a.created_at, a.id) ${cmp} (?, ?)`, args: [q.after.createdAt, q.after.id] } : { sql: "", args: [] };
  // Walking an index in time order finds a page of a common match at once, but a rare one only after visiting
  // every row through the index. Once the count says the matches are few, the page's IDs are found by one scan
  // (SQLite: of the narrow index on status and search text alone) and a small sort, then their rows are read.
  const pageIds =
    total < SPARSE
      ? `a.id IN (SELECT a.id FROM inbox_applications a WHERE ${where.sql}${page.sql}
           ORDER BY a.created_at || '' ${dir}, a.id + 0 ${dir} LIMIT ?)`
      : `${where.sql}${page.sql}`;
  const flags = flagColumns(q.within);
  const rows = await db.all<ListedRow>(
    `SELECT a.*, ${flags.sql} FROM inbox_applications a WHERE ${pageIds} ORDER BY a.created_at ${dir}, a.id ${dir} LIMIT ?`,
    [...flags.args, ...where.args, ...page.args, ...(total < SPARSE ? [q.limit + 1] : []), q.limit + 1],
  );
  return { rows: rows.slice(0, q.limit), more: rows.length > q.limit, total };
}

async function groupNames(db: Store, rows: ModelRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const r of rows) if (!names.has(r.group_id)) names.set(r.group_id, (await getDirectoryGroup(db, r.group_id))?.name ?? "");
  return names;
}

/**
 * Rows kept before nicknames were (or recorded while the IM server could not be asked) get theirs now, and
 * keep it, so a search finds them by it from then on. Without the IM server the list still stands.
 */
async function fillNicknames(db: Store, rows: ModelRow[]): Promise<void> {
  const missing = [...new Set(rows.filter((r) => !r.requester_nickname).map((r) => r.requester_id))];
  if (missing.length === 0) return;
  try {
    const profiles = await getContext().im.getProfiles(missing);
    for (const r of rows) {
      const p = profiles.get(r.requester_id);
      if (!p?.nickname) continue;
      r.requester_nickname = p.nickname;
      r.requester_face_url = p.faceUrl;
      await db.run("UPDATE inbox_applications SET requester_nickname = ?, requester_face_url = ?, search_text = ? WHERE id = ?", [
        p.nickname,
        p.faceUrl,
        searchText(r.requester_id, p.nickname, r.message),
        r.id,
      ]);
    }
  } catch (err) {
    log("warn", "requester profiles not read", { error: err });
  }
}

/** Rows in the console's shape, with their groups' names. */
export async function toApplications(db: Store, rows: ListedRow[]): Promise<Application[]> {
  await fillNicknames(db, rows);
  const names = await groupNames(db, rows);
  return rows.map((r) => toApplication(r, names.get(r.group_id) ?? "", r.status === "closed" ? "refused" : r.status));
}

/** The queue (docs/contracts.md § Applications model): the same in both modes, read from the model. */
export async function listFromModel(query: ListApplicationsQuery & Within): Promise<Page<Application>> {
  const { db } = getContext();
  const after = query.cursor ? decodeCursor(query.cursor, query) : undefined;
  const page = await listModel(db, { ...query, after });
  const last = page.rows[page.rows.length - 1];
  return {
    items: await toApplications(db, page.rows),
    nextCursor: page.more && last ? encodeCursor(last, query) : null,
    total: page.total,
  };
}

/**
 * One requester's applications to every group (a scoped asker: to their groups, `within`): counts per outcome
 * and the newest `limit` (closed ones left out).
 */
export async function requesterHistory(requesterId: string, limit: number, within?: Within["within"]) {
  const { db } = getContext();
  const where = selectionClause(db, { status: "all", requesterId, within });
  const counts = await db.all<{ status: string; n: number | string }>(
    `SELECT a.status AS status, COUNT(*) AS n FROM inbox_applications a WHERE ${where.sql} GROUP BY a.status`,
    where.args,
  );
  const rows = await db.all<ModelRow>(
    `SELECT * FROM inbox_applications a WHERE ${where.sql} ORDER BY a.created_at DESC, a.id DESC LIMIT ?`,
    [...where.args, limit],
  );
  const n = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  return { pending: n("pending"), approved: n("approved"), refused: n("refused"), recent: await toApplications(db, rows) };
}
