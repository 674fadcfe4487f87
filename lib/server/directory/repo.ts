import "server-only";
import type { Group } from "@/lib/schemas/group";
import { closeApplicationsOfUnknownGroups, closeGroupApplications } from "../inbox/repo";
import type { Db } from "../store/db";

export type DirectoryRow = {
  id: string; name: string; type: Group["type"]; owner_id: string | null; member_count: number; max_member_count: number;
  join_option: Group["joinOption"]; introduction: string; notification: string; face_url: string; mute_all: number;
  support_topic: number; created_at: string; pending_applications: number;
};

export const fold = (s: string) => s.normalize("NFKC").toLowerCase();

export function rowToGroup(r: DirectoryRow): Group {
  return {
    id: r.id, name: r.name, type: r.type, ownerId: r.owner_id, memberCount: r.member_count, maxMemberCount: r.max_member_count,
    joinOption: r.join_option, introduction: r.introduction, notification: r.notification, faceUrl: r.face_url,
    muteAll: r.mute_all === 1, supportTopic: r.support_topic === 1, createdAt: r.created_at, pendingApplications: r.pending_applications,
  };
}

/** Insert or refresh groups from the IM server; the pending count is kept (it comes from another source). */
export function upsertGroups(db: Db, groups: Group[], generation: number) {
  const stmt = db.prepare(`
    INSERT INTO directory_groups (id, name, name_fold, type, owner_id, member_count, max_member_count, join_option, introduction,
      notification, face_url, mute_all, support_topic, created_at, crawl_generation, updated_at)
    VALUES (@id, @name, @nameFold, @type, @ownerId, @memberCount, @maxMemberCount, @joinOption, @introduction,
      @notification, @faceUrl, @muteAll, @supportTopic, @createdAt, @generation, @now)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_fold = excluded.name_fold, type = excluded.type,
      owner_id = excluded.owner_id, member_count = excluded.member_count, max_member_count = excluded.max_member_count,
      join_option = excluded.join_option, introduction = excluded.introduction, notification = excluded.notification,
      face_url = excluded.face_url, mute_all = excluded.mute_all, support_topic = excluded.support_topic,
      created_at = excluded.created_at, crawl_generation = MAX(crawl_generation, excluded.crawl_generation), updated_at = excluded.updated_at`);
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const g of groups) {
      stmt.run({ ...g, nameFold: fold(g.name), muteAll: g.muteAll ? 1 : 0, supportTopic: g.supportTopic ? 1 : 0, generation, now });
    }
  })();
}

/** The group is gone: out of the directory, and its pending applications in the console's inbox are closed. */
export function removeGroup(db: Db, id: string) {
  db.transaction(() => {
    db.prepare("DELETE FROM directory_groups WHERE id = ?").run(id);
    closeGroupApplications(db, id, new Date().toISOString());
  })();
}

export function getDirectoryGroup(db: Db, id: string): Group | null {
  const row = db.prepare("SELECT * FROM directory_groups WHERE id = ?").get(id) as DirectoryRow | undefined;
  return row ? rowToGroup(row) : null;
}

export function setPendingCounts(db: Db, counts: Map<string, number>, { resetOthers }: { resetOthers: boolean }) {
  db.transaction(() => {
    if (resetOthers) db.prepare("UPDATE directory_groups SET pending_applications = 0 WHERE pending_applications <> 0").run();
    const stmt = db.prepare("UPDATE directory_groups SET pending_applications = ? WHERE id = ?");
    for (const [id, n] of counts) stmt.run(n, id);
  })();
}

/** One of the group's pending applications was handled here: count it down until the IM server's count arrives. */
export function countDownPending(db: Db, groupId: string) {
  db.prepare("UPDATE directory_groups SET pending_applications = MAX(0, pending_applications - 1) WHERE id = ?").run(groupId);
}

/** After a complete crawl: whatever the crawl did not see has been dismissed or recycled. */
export function removeUnseen(db: Db, generation: number): number {
  return db.transaction(() => {
    const removed = db.prepare("DELETE FROM directory_groups WHERE crawl_generation < ?").run(generation).changes;
    closeApplicationsOfUnknownGroups(db, new Date().toISOString());
    return removed;
  })();
}

export function readState(db: Db, key: string): string | null {
  return (db.prepare("SELECT value FROM directory_state WHERE key = ?").get(key) as { value: string } | undefined)?.value ?? null;
}

export function writeState(db: Db, key: string, value: string | null) {
  if (value === null) db.prepare("DELETE FROM directory_state WHERE key = ?").run(key);
  else db.prepare("INSERT INTO directory_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
}
