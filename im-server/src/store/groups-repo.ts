import type { Database, Statement } from "better-sqlite3";
import type { ApplyJoinOption, GroupType, InviteJoinOption } from "../domain/group-types";
import type { GroupDraft, KeyValue, ProfileChanges } from "../domain/group-profile";

export interface Group {
  seq: number;
  groupId: string;
  type: GroupType;
  name: string;
  introduction: string;
  notification: string;
  faceUrl: string;
  owner: string | null;
  maxMembers: number;
  applyJoinOption: ApplyJoinOption;
  inviteJoinOption: InviteJoinOption;
  muteAll: boolean;
  supportTopic: boolean;
  appDefinedData: KeyValue[];
  infoSeq: number;
  createdAt: number;
  lastInfoTime: number;
  lastActiveAt: number;
  dismissedAt: number | null;
  dismissReason: "dismissed" | "recycled" | null;
}

interface GroupRow {
  seq: number;
  group_id: string;
  type: string;
  name: string;
  introduction: string;
  notification: string;
  face_url: string;
  owner: string | null;
  max_members: number;
  apply_join_option: string;
  invite_join_option: string;
  mute_all: number;
  support_topic: number;
  app_defined_data: string;
  info_seq: number;
  created_at: number;
  last_info_time: number;
  last_active_at: number;
  dismissed_at: number | null;
  dismiss_reason: string | null;
}

const toGroup = (row: GroupRow): Group => ({
  seq: row.seq,
  groupId: row.group_id,
  type: row.type as GroupType,
  name: row.name,
  introduction: row.introduction,
  notification: row.notification,
  faceUrl: row.face_url,
  owner: row.owner,
  maxMembers: row.max_members,
  applyJoinOption: row.apply_join_option as ApplyJoinOption,
  inviteJoinOption: row.invite_join_option as InviteJoinOption,
  muteAll: row.mute_all === 1,
  supportTopic: row.support_topic === 1,
  appDefinedData: JSON.parse(row.app_defined_data) as KeyValue[],
  infoSeq: row.info_seq,
  createdAt: row.created_at,
  lastInfoTime: row.last_info_time,
  lastActiveAt: row.last_active_at,
  dismissedAt: row.dismissed_at,
  dismissReason: row.dismiss_reason as Group["dismissReason"],
});

// Stored column for each editable profile field (ProfileChanges key → column).
const COLUMNS: Record<keyof ProfileChanges, string> = {
  name: "name",
  introduction: "introduction",
  notification: "notification",
  faceUrl: "face_url",
  maxMembers: "max_members",
  applyJoinOption: "apply_join_option",
  inviteJoinOption: "invite_join_option",
  muteAll: "mute_all",
  appDefinedData: "app_defined_data",
};

function columnValue(key: keyof ProfileChanges, value: unknown): unknown {
  if (key === "muteAll") return value ? 1 : 0;
  if (key === "appDefinedData") return JSON.stringify(value);
  return value;
}

export interface GroupPage {
  groups: { seq: number; groupId: string }[];
  more: boolean;
}

export class GroupsRepo {
  private readonly getStmt: Statement<[string], GroupRow>;
  private readonly insertStmt: Statement;
  private readonly touchStmt: Statement<[number, string]>;
  private readonly countStmt: Statement<[], number>;
  private readonly countOfTypeStmt: Statement<[string], number>;

  constructor(private readonly db: Database) {
    this.getStmt = db.prepare("SELECT * FROM groups WHERE group_id = ?");
    this.insertStmt = db.prepare(`
      INSERT INTO groups (group_id, type, name, introduction, notification, face_url, owner, max_members,
        apply_join_option, invite_join_option, mute_all, support_topic, app_defined_data, info_seq,
        created_at, last_info_time, last_active_at)
      VALUES (@groupId, @type, @name, @introduction, @notification, @faceUrl, @owner, @maxMembers,
        @applyJoinOption, @inviteJoinOption, @muteAll, @supportTopic, @appDefinedData, 1,
        @createdAt, @createdAt, @createdAt)`);
    this.touchStmt = db.prepare("UPDATE groups SET last_active_at = ? WHERE group_id = ?");
    this.countStmt = db.prepare<[], number>("SELECT COALESCE(SUM(n), 0) FROM live_group_counts").pluck();
    this.countOfTypeStmt = db.prepare<[string], number>("SELECT n FROM live_group_counts WHERE type = ?").pluck();
  }

  /** Any group with this ID, dismissed ones included. */
  get(groupId: string): Group | null {
    const row = this.getStmt.get(groupId);
    return row ? toGroup(row) : null;
  }

  /** Only a group that still exists. */
  getLive(groupId: string): Group | null {
    const group = this.get(groupId);
    return group && group.dismissedAt === null ? group : null;
  }

  insert(groupId: string, draft: GroupDraft, createdAt: number): void {
    this.insertStmt.run({
      groupId,
      type: draft.type,
      name: draft.name,
      introduction: draft.introduction,
      notification: draft.notification,
      faceUrl: draft.faceUrl,
      owner: draft.owner,
      maxMembers: draft.maxMembers,
      applyJoinOption: draft.applyJoinOption,
      inviteJoinOption: draft.inviteJoinOption,
      muteAll: draft.muteAll ? 1 : 0,
      supportTopic: draft.supportTopic ? 1 : 0,
      appDefinedData: JSON.stringify(draft.appDefinedData),
      createdAt,
    });
  }

  /** A dismissed group's ID becomes free again; its leftovers (applications, mutes) go with it. */
  purgeDismissed(groupId: string): void {
    this.db.prepare("DELETE FROM groups WHERE group_id = ? AND dismissed_at IS NOT NULL").run(groupId);
  }

  /** Live groups after `afterSeq` in creation order; one extra row tells whether more follow. */
  page(afterSeq: number, limit: number, type: string | undefined): GroupPage {
    const rows = this.db
      .prepare(
        `SELECT seq, group_id FROM groups WHERE dismissed_at IS NULL AND seq > ? ${type ? "AND type = ?" : ""}
         ORDER BY seq LIMIT ?`,
      )
      .all(...(type ? [afterSeq, type, limit + 1] : [afterSeq, limit + 1])) as { seq: number; group_id: string }[];
    return { groups: rows.slice(0, limit).map((r) => ({ seq: r.seq, groupId: r.group_id })), more: rows.length > limit };
  }

  /** Live groups (of one type): read from the counts the triggers keep (migration 4), not counted row by row. */
  count(type?: string): number {
    return type ? (this.countOfTypeStmt.get(type) ?? 0) : this.countStmt.get()!;
  }

  /** Applies profile changes and bumps InfoSeq, as Tencent does on every profile change. */
  update(groupId: string, changes: ProfileChanges, now: number): void {
    const keys = Object.keys(changes) as (keyof ProfileChanges)[];
    if (keys.length === 0) return;
    const sets = keys.map((key) => `${COLUMNS[key]} = ?`).join(", ");
    const values = keys.map((key) => columnValue(key, changes[key]));
    this.db
      .prepare(`UPDATE groups SET ${sets}, info_seq = info_seq + 1, last_info_time = ?, last_active_at = ? WHERE group_id = ?`)
      .run(...values, now, now, groupId);
  }

  setOwner(groupId: string, owner: string | null, now: number): void {
    this.db
      .prepare("UPDATE groups SET owner = ?, info_seq = info_seq + 1, last_info_time = ?, last_active_at = ? WHERE group_id = ?")
      .run(owner, now, now, groupId);
  }

  touch(groupId: string, now: number): void {
    this.touchStmt.run(now, groupId);
  }

  dismiss(groupId: string, reason: "dismissed" | "recycled", now: number): void {
    this.db.prepare("UPDATE groups SET dismissed_at = ?, dismiss_reason = ? WHERE group_id = ?").run(now, reason, groupId);
  }

  idleSince(cutoff: number): string[] {
    return (
      this.db.prepare("SELECT group_id FROM groups WHERE dismissed_at IS NULL AND last_active_at < ? ORDER BY seq").all(cutoff) as {
        group_id: string;
      }[]
    ).map((r) => r.group_id);
  }

  /** Live groups of some types (optionally with one join option), for the simulator's picks. */
  liveIdsOfTypes(types: readonly GroupType[], applyJoinOption?: ApplyJoinOption): string[] {
    const sql = `SELECT group_id FROM groups WHERE dismissed_at IS NULL AND type IN (${types.map(() => "?").join(",")})
      ${applyJoinOption ? "AND apply_join_option = ?" : ""} ORDER BY seq`;
    const params = applyJoinOption ? [...types, applyJoinOption] : [...types];
    return (this.db.prepare(sql).all(...params) as { group_id: string }[]).map((r) => r.group_id);
  }
}
