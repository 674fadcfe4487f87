import "server-only";
import type { AuditEntry, AuditFilters, ListAuditQuery } from "@/lib/schemas/audit";
import type { Page } from "@/lib/schemas/page";
import { decodeIdCursor, encodeIdCursor } from "@/lib/server/platform/id-cursor";
import { escapeLike, type Store } from "@/lib/server/store/store";

export type AuditRow = {
  id: number;
  at: string;
  actor_id: number | null;
  actor_email: string;
  action: string;
  group_id: string | null;
  target: string | null;
  before: string | null;
  after: string | null;
  result: string | null;
  request_id: string;
};

function where(filters: AuditFilters): { sql: string[]; args: (string | number)[] } {
  const sql: string[] = [];
  const args: (string | number)[] = [];
  if (filters.actor && /^rule:\d+$/.test(filters.actor)) {
    // A rule as the actor (docs/rules.md § Deciding an arrival): exactly it, not rule:1 also finding rule:12.
    sql.push("actor_email = ?");
    args.push(filters.actor);
  } else if (filters.actor) {
    // "Contains", case-insensitive: operators type part of an address more often than all of it.
    sql.push("lower(actor_email) LIKE ? ESCAPE '\\'");
    args.push(`%${escapeLike(filters.actor.toLowerCase())}%`);
  }
  if (filters.action) {
    sql.push("action = ?");
    args.push(filters.action);
  }
  if (filters.groupId) {
    sql.push("group_id = ?");
    args.push(filters.groupId);
  }
  return { sql, args };
}

const clause = (sql: string[]) => (sql.length ? `WHERE ${sql.join(" AND ")}` : "");

/** Newest first, in batches below `beforeId` (keyset on the row ID: page 1,000 costs what page 1 does). */
export function auditRowsBefore(db: Store, filters: AuditFilters, beforeId: number | null, limit: number): Promise<AuditRow[]> {
  const { sql, args } = where(filters);
  if (beforeId !== null) {
    sql.push("id < ?");
    args.push(beforeId);
  }
  return db.all<AuditRow>(`SELECT * FROM audit ${clause(sql)} ORDER BY id DESC LIMIT ?`, [...args, limit]);
}

const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export function toAuditEntry(r: AuditRow): AuditEntry {
  return {
    id: String(r.id),
    at: r.at,
    actor: { id: r.actor_id === null ? null : String(r.actor_id), email: r.actor_email },
    action: r.action,
    groupId: r.group_id,
    target: r.target,
    before: parseJson(r.before),
    after: parseJson(r.after),
    result: r.result,
    requestId: r.request_id,
  };
}

export async function queryAudit(db: Store, query: ListAuditQuery): Promise<Page<AuditEntry>> {
  const beforeId = query.cursor ? decodeIdCursor("audit", query.cursor) : null;
  const rows = await auditRowsBefore(db, query, beforeId, query.limit + 1);
  const items = rows.slice(0, query.limit);
  const { sql, args } = where(query);
  const total = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM audit ${clause(sql)}`, args))!.n;
  const last = items[items.length - 1];
  return { items: items.map(toAuditEntry), nextCursor: rows.length > query.limit && last ? encodeIdCursor("audit", last.id) : null, total };
}
