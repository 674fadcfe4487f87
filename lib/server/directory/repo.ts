import "server-only";
import type { Group } from "@/lib/schemas/group";
import { greatest, placeholders, type Store } from "@/lib/server/store/store";

export type DirectoryRow = {
  id: string;
  name: string;
  type: Group["type"];
  owner_id: string | null;
  member_count: number;
  max_member_count: number;
  join_option: Group["joinOption"];
  introduction: string;
  notification: string;
  face_url: string;
  mute_all: number;
  support_topic: number;
  created_at: string;
  pending_applications: number;
};

import { fold } from "@/lib/server/store/fold";

export { fold };

export function rowToGroup(r: DirectoryRow): Group {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    ownerId: r.owner_id,
    memberCount: r.member_count,
    maxMemberCount: r.max_member_count,
    joinOption: r.join_option,
    introduction: r.introduction,
    notification: r.notification,
    faceUrl: r.face_url,
    muteAll: r.mute_all === 1,
    supportTopic: r.support_topic === 1,
    createdAt: r.created_at,
    pendingApplications: r.pending_applications,
  };
}

// Rows per INSERT: 16 values each stays far below both databases' limits on bound parameters (SQLite 32,766,
// PostgreSQL 65,535), and one statement for 500 rows costs one round trip instead of 500.
const UPSERT_ROWS = 500;
/** Longer than any IM read takes (seconds): a read that started before a dismissal has surely landed by then. */
const TOMBSTONE_MS = 60 * 60 * 1000;

/**
 * Insert or refresh groups from the IM server; the pending count is kept (it comes from another source).
 * `readAt` is when the IM server was asked: a group dismissed since then (on any instance) is not brought back.
 */
export async function upsertGroups(db: Store, groups: Group[], generation: number, readAt?: string): Promise<void> {
  // One row per ID (the last report wins): a statement may not update the same row twice.
  const unique = [...new Map(groups.map((g) => [g.id, g])).values()];
  const now = new Date().toISOString();
  await db.transaction(async (tx) => {
    const gone = readAt
      ? await dismissedSince(
          tx,
          unique.map((g) => g.id),
          readAt,
        )
      : new Set<string>();
    const fresh = unique.filter((g) => !gone.has(g.id));
    for (let i = 0; i < fresh.length; i += UPSERT_ROWS) {
      const chunk = fresh.slice(i, i + UPSERT_ROWS);
      const sql = `
        INSERT INTO directory_groups (id, name, name_fold, type, owner_id, member_count, max_member_count, join_option, introduction,
          notification, face_url, mute_all, support_topic, created_at, crawl_generation, updated_at)
        VALUES ${chunk.map(() => `(${placeholders(16)})`).join(", ")}
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_fold = excluded.name_fold, type = excluded.type,
          owner_id = excluded.owner_id, member_count = excluded.member_count, max_member_count = excluded.max_member_count,
          join_option = excluded.join_option, introduction = excluded.introduction, notification = excluded.notification,
          face_url = excluded.face_url, mute_all = excluded.mute_all, support_topic = excluded.support_topic, created_at = excluded.created_at,
          crawl_generation = ${greatest(tx, "directory_groups.crawl_generation", "excluded.crawl_generation")}, updated_at = excluded.updated_at`;
      await tx.run(
        sql,
        chunk.flatMap((g) => [
          g.id,
          g.name,
          fold(g.name),
          g.type,
          g.ownerId,
          g.memberCount,
          g.maxMemberCount,
          g.joinOption,
          g.introduction,
          g.notification,
          g.faceUrl,
          g.muteAll ? 1 : 0,
          g.supportTopic ? 1 : 0,
          g.createdAt,
          generation,
          now,
        ]),
      );
    }
  });
}

async function dismissedSince(db: Store, ids: string[], since: string): Promise<Set<string>> {
  const gone = new Set<string>();
  for (let i = 0; i < ids.length; i += UPSERT_ROWS) {
    const chunk = ids.slice(i, i + UPSERT_ROWS);
    const rows = await db.all<{ id: string }>(
      `SELECT id FROM directory_tombstones WHERE at >= ? AND id IN (${placeholders(chunk.length)})`,
      [since, ...chunk],
    );
    for (const r of rows) gone.add(r.id);
  }
  return gone;
}

/**
 * The group is gone: out of the directory (remembered as dismissed, see upsertGroups). `alsoGone` runs in the
 * same transaction, for what a feature above keeps of the group (the console's inbox closes its applications).
 */
export async function removeGroup(db: Store, id: string, alsoGone?: (tx: Store, at: string) => Promise<void>): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction(async (tx) => {
    await tx.run("DELETE FROM directory_groups WHERE id = ?", [id]);
    await tx.run("INSERT INTO directory_tombstones (id, at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at", [id, at]);
    await alsoGone?.(tx, at);
  });
}

export async function getDirectoryGroup(db: Store, id: string): Promise<Group | null> {
  const row = await db.get<DirectoryRow>("SELECT * FROM directory_groups WHERE id = ?", [id]);
  return row ? rowToGroup(row) : null;
}

/** Which of these group IDs the directory holds (one read, at most 1,000 IDs: a user's scope). */
export async function knownGroupIds(db: Store, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.all<{ id: string }>(`SELECT id FROM directory_groups WHERE id IN (${ids.map(() => "?").join(", ")})`, [...ids]);
  return new Set(rows.map((r) => r.id));
}

export async function setPendingCounts(db: Store, counts: Map<string, number>, { resetOthers }: { resetOthers: boolean }): Promise<void> {
  await db.transaction(async (tx) => {
    if (resetOthers) await tx.run("UPDATE directory_groups SET pending_applications = 0 WHERE pending_applications <> 0");
    for (const [id, n] of counts) await tx.run("UPDATE directory_groups SET pending_applications = ? WHERE id = ?", [n, id]);
  });
}

/** One of the group's pending applications was handled here: count it down until the IM server's count arrives. */
export async function countDownPending(db: Store, groupId: string): Promise<void> {
  await db.run(`UPDATE directory_groups SET pending_applications = ${greatest(db, "0", "pending_applications - 1")} WHERE id = ?`, [
    groupId,
  ]);
}

/**
 * Members the console itself let in (its own approvals, reported back by AfterNewMemberJoin): counted up without
 * re-reading the group, but only while the directory's copy was written before `sentAt`, when the decision went
 * to the IM server, so the copy cannot already include them. False when it may: the caller re-reads instead.
 */
export async function countMembersUp(db: Store, groupId: string, n: number, sentAt: string): Promise<boolean> {
  return (
    (await db.run("UPDATE directory_groups SET member_count = member_count + ? WHERE id = ? AND updated_at < ?", [n, groupId, sentAt])) ===
    1
  );
}

/**
 * After a complete crawl: whatever the crawl did not see has been dismissed or recycled. What features above
 * keep of those groups is theirs to drop (the crawl's afterCrawl step).
 */
export async function removeUnseen(db: Store, generation: number): Promise<number> {
  return db.transaction(async (tx) => {
    const removed = await tx.run("DELETE FROM directory_groups WHERE crawl_generation < ?", [generation]);
    // Reads older than a complete crawl are long settled: their tombstones can go.
    await tx.run("DELETE FROM directory_tombstones WHERE at < ?", [new Date(Date.now() - TOMBSTONE_MS).toISOString()]);
    return removed;
  });
}

export async function readState(db: Store, key: string): Promise<string | null> {
  return (await db.get<{ value: string }>("SELECT value FROM directory_state WHERE key = ?", [key]))?.value ?? null;
}

export async function writeState(db: Store, key: string, value: string | null): Promise<void> {
  if (value === null) await db.run("DELETE FROM directory_state WHERE key = ?", [key]);
  else
    await db.run("INSERT INTO directory_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [
      key,
      value,
    ]);
}

/**
 * After a complete crawl (up to 100,000 rows written at once): on PostgreSQL, VACUUM marks the pages
 * all-visible, so the list's COUNT(*) reads the index alone, and ANALYZE gives the planner the new sizes.
 * SQLite's counts read its indexes anyway.
 */
export async function tidyAfterCrawl(db: Store): Promise<void> {
  if (db.dialect === "postgres") await db.run("VACUUM (ANALYZE) directory_groups");
}
