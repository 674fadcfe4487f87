import "server-only";
import type { Application as ImApplication } from "@/lib/im/applications";
import type { Store } from "@/lib/server/store/store";
import { isUniqueViolation, placeholders } from "@/lib/server/store/store";
import { searchText } from "./filters";
import { ruleIdOfActor, ruleNameOf } from "../rule-actor";

/**
 * Local mode: the IM server keeps applications and decides them; the model keeps a copy of each, written
 * whenever the console hears of one (a webhook, its own decision, a reconcile), so the queue, history and
 * counts are read from one place in both modes (docs/applications-model.md § Local mode).
 *
 * `via: "console"` marks a decision the console itself took; any other decision seen is the app's (an owner or
 * admin on their phone), unless the row already knows better. A decided row never goes back to pending. A rule's
 * decision keeps the rule's name as its `handledBy` (the IM server knows it as `rule:<id>`).
 * Answers how many rows changed (0 when the copy already agreed).
 */
export async function mirrorApplications(db: Store, apps: ImApplication[], opts: { via?: "console" } = {}): Promise<number> {
  if (apps.length === 0) return 0;
  try {
    return await copy(db, apps, opts);
  } catch (err) {
    // Two instances copying the same new application at once (PostgreSQL): the second sees the first's row now.
    if (!isUniqueViolation(err)) throw err;
    return copy(db, apps, opts);
  }
}

async function copy(db: Store, apps: ImApplication[], opts: { via?: "console" }): Promise<number> {
  const differs = db.dialect === "postgres" ? "IS DISTINCT FROM" : "IS NOT";
  return db.transaction(async (tx) => {
    let changed = 0;
    for (const a of apps) {
      const id = Number(a.id);
      if (!Number.isSafeInteger(id) || id <= 0) continue;
      if (a.status === "pending") {
        // The IM server keeps one pending application per requester and group. A newer pending copy means this
        // report is stale (read before the newer one existed): it changes nothing. An older pending copy was
        // settled without the console hearing of it: closed, and the reconcile reads what became of it.
        const newer = await tx.get(
          `SELECT 1 AS one FROM inbox_applications WHERE group_id = ? AND requester_id = ? AND status = 'pending' AND id <> ?
             AND (created_at > ? OR (created_at = ? AND id > ?))`,
          [a.groupId, a.requesterId, id, a.createdAt, a.createdAt, id],
        );
        if (newer) continue;
        await tx.run(
          "UPDATE inbox_applications SET status = 'closed' WHERE group_id = ? AND requester_id = ? AND status = 'pending' AND id <> ?",
          [a.groupId, a.requesterId, id],
        );
      }
      // A rule's decision names the rule as its handler (`rule:<id>`): it stays the rule's, under the rule's name.
      const ruleId = a.status === "pending" ? null : ruleIdOfActor(a.handledBy);
      const via = a.status === "pending" ? null : ruleId ? "rule" : (opts.via ?? "app");
      const handledBy = ruleId ? ((await ruleNameOf(tx, ruleId)) ?? a.handledBy) : a.handledBy;
      changed += await tx.run(
        `INSERT INTO inbox_applications (id, group_id, requester_id, message, status, created_at, handled_by, handled_at, reason,
           requester_nickname, requester_face_url, search_text, group_type, handled_via, rule_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT type FROM directory_groups WHERE id = ?), ?, ?)
         ON CONFLICT (id) DO UPDATE SET
           status = excluded.status, handled_at = excluded.handled_at, reason = excluded.reason,
           handled_by = CASE WHEN inbox_applications.handled_via = 'rule' THEN inbox_applications.handled_by ELSE excluded.handled_by END,
           message = excluded.message, created_at = excluded.created_at, requester_nickname = excluded.requester_nickname,
           requester_face_url = excluded.requester_face_url, search_text = excluded.search_text,
           group_type = COALESCE(inbox_applications.group_type, excluded.group_type),
           handled_via = CASE WHEN excluded.handled_via IS NULL THEN NULL WHEN excluded.handled_via IN ('console', 'rule') THEN excluded.handled_via
                              ELSE COALESCE(inbox_applications.handled_via, excluded.handled_via) END,
           rule_id = COALESCE(excluded.rule_id, inbox_applications.rule_id)
         WHERE NOT (inbox_applications.status IN ('approved', 'refused') AND excluded.status = 'pending')
           AND (inbox_applications.status ${differs} excluded.status
             OR (inbox_applications.handled_via ${differs} 'rule' AND inbox_applications.handled_by ${differs} excluded.handled_by)
             OR inbox_applications.message ${differs} excluded.message OR inbox_applications.requester_nickname ${differs} excluded.requester_nickname
             OR inbox_applications.requester_face_url ${differs} excluded.requester_face_url
             OR (inbox_applications.group_type IS NULL AND excluded.group_type IS NOT NULL)
             OR (excluded.handled_via IN ('console', 'rule') AND inbox_applications.handled_via ${differs} excluded.handled_via))`,
        [
          id,
          a.groupId,
          a.requesterId,
          a.message,
          a.status,
          a.createdAt,
          handledBy ?? null,
          a.handledAt ?? null,
          a.reason ?? null,
          a.requesterNickname,
          a.requesterFaceUrl,
          searchText(a.requesterId, a.requesterNickname, a.message),
          a.groupId,
          via,
          ruleId,
        ],
      );
    }
    return changed;
  });
}

/** Applications the IM server no longer knows at all: closed, as those of a dismissed group are. */
export async function closeUnknown(db: Store, ids: string[]): Promise<number> {
  const ns = ids.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  if (ns.length === 0) return 0;
  return db.run(
    `UPDATE inbox_applications SET status = 'closed', handled_at = ? WHERE status = 'pending' AND id IN (${placeholders(ns.length)})`,
    [new Date().toISOString(), ...ns],
  );
}

/** The model's pending applications, a keyset page at a time by ID (for the reconcile to check each). */
export async function pendingIds(db: Store, afterId: number, limit: number): Promise<number[]> {
  const rows = await db.all<{ id: number | string }>(
    "SELECT id FROM inbox_applications WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?",
    [afterId, limit],
  );
  return rows.map((r) => Number(r.id));
}
