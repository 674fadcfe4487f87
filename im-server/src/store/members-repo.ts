import type { Database, Statement } from "better-sqlite3";
import type { GroupType, MemberRole } from "../domain/group-types";
import type { KeyValue } from "../domain/group-profile";

export interface Member {
  groupId: string;
  userId: string;
  role: MemberRole;
  joinedAt: number;
  muteUntil: number;
  nameCard: string;
  msgFlag: string;
  appMemberDefinedData: KeyValue[];
}

interface MemberRow {
  group_id: string;
  user_id: string;
  role: string;
  joined_at: number;
  mute_until: number;
  name_card: string;
  msg_flag: string;
  app_member_defined_data: string;
}

const toMember = (row: MemberRow): Member => ({
  groupId: row.group_id,
  userId: row.user_id,
  role: row.role as MemberRole,
  joinedAt: row.joined_at,
  muteUntil: row.mute_until,
  nameCard: row.name_card,
  msgFlag: row.msg_flag,
  appMemberDefinedData: JSON.parse(row.app_member_defined_data) as KeyValue[],
});

const JOIN_ORDER = "joined_at, CASE role WHEN 'Owner' THEN 0 WHEN 'Admin' THEN 1 ELSE 2 END, user_id";

// A group's whole member list as get_group_info writes it (http/wire.ts memberObject with no filter: the same
// fields in the same order), built as JSON by SQLite itself and handed over as UTF-8 bytes: a 50-group answer
// holds ~500 members, and an object per row, then a wire object, then text cost more than the rest of the
// answer (and joining JS strings where some hold CJK names widens them all). test/group-info-json.test.ts
// holds both ways to the same answer.
const MEMBER_LIST_JSON = `
  SELECT COUNT(*) AS n, CAST(json_group_array(json_object(
    'Member_Account', user_id, 'Role', role, 'JoinTime', joined_at, 'MsgSeq', 0, 'MsgFlag', msg_flag,
    'LastSendMsgTime', 0, 'MuteUntil', CASE WHEN mute_until > @now THEN mute_until ELSE 0 END,
    'NameCard', name_card, 'AppMemberDefinedData', json(app_member_defined_data)
  ) ORDER BY ${JOIN_ORDER}) AS BLOB) AS list
  FROM members WHERE group_id = @groupId`;

export interface MemberQuery {
  roles?: readonly MemberRole[];
  offset?: number;
  limit?: number;
}

export interface JoinedGroupQuery {
  type?: string;
  includeAVChatRoom: boolean;
  /** true: only topic-enabled Communities; false: leave them out. */
  topicCommunities: boolean;
  offset: number;
  limit: number | undefined;
}

export class MembersRepo {
  private readonly getStmt: Statement<[string, string], MemberRow>;
  private readonly countStmt: Statement<[string], { n: number }>;
  private readonly addStmt: Statement;
  private readonly listStmts = new Map<number, Statement>();
  private readonly listJsonStmt: Statement<[{ groupId: string; now: number }], { n: number; list: Buffer }>;

  constructor(private readonly db: Database) {
    this.getStmt = db.prepare("SELECT * FROM members WHERE group_id = ? AND user_id = ?");
    this.countStmt = db.prepare("SELECT COUNT(*) AS n FROM members WHERE group_id = ?");
    // A returning member gets back a mute that has not run out (reference §3.13).
    this.addStmt = db.prepare(`
      INSERT INTO members (group_id, user_id, role, joined_at, mute_until)
      VALUES (@groupId, @userId, @role, @now,
        COALESCE((SELECT mute_until FROM mutes WHERE group_id = @groupId AND user_id = @userId AND mute_until > @now), 0))`);
    this.listJsonStmt = db.prepare(MEMBER_LIST_JSON);
  }

  get(groupId: string, userId: string): Member | null {
    const row = this.getStmt.get(groupId, userId);
    return row ? toMember(row) : null;
  }

  role(groupId: string, userId: string): MemberRole | null {
    return this.get(groupId, userId)?.role ?? null;
  }

  count(groupId: string): number {
    return this.countStmt.get(groupId)!.n;
  }

  /** Members in join order (the owner first among equals), optionally filtered by role and paged. */
  list(groupId: string, query: MemberQuery = {}): Member[] {
    const roles = query.roles ?? [];
    // get_group_info lists 50 groups per call: prepare each shape of this query once.
    let stmt = this.listStmts.get(roles.length);
    if (!stmt) {
      const where = roles.length ? `AND role IN (${roles.map(() => "?").join(",")})` : "";
      stmt = this.db.prepare(`SELECT * FROM members WHERE group_id = ? ${where} ORDER BY ${JOIN_ORDER} LIMIT ? OFFSET ?`);
      this.listStmts.set(roles.length, stmt);
    }
    const rows = stmt.all(groupId, ...roles, query.limit ?? -1, query.offset ?? 0) as MemberRow[];
    return rows.map(toMember);
  }

  /** The whole member list as get_group_info's MemberList, JSON in UTF-8 (join order), and how many it holds. */
  listJson(groupId: string, now: number): { count: number; json: Buffer } {
    const row = this.listJsonStmt.get({ groupId, now })!;
    return { count: row.n, json: row.list };
  }

  countByRoles(groupId: string, roles: readonly MemberRole[]): number {
    if (roles.length === 0) return this.count(groupId);
    return (
      this.db
        .prepare(`SELECT COUNT(*) AS n FROM members WHERE group_id = ? AND role IN (${roles.map(() => "?").join(",")})`)
        .get(groupId, ...roles) as { n: number }
    ).n;
  }

  userIds(groupId: string): string[] {
    return (
      this.db.prepare(`SELECT user_id FROM members WHERE group_id = ? ORDER BY ${JOIN_ORDER}`).all(groupId) as {
        user_id: string;
      }[]
    ).map((r) => r.user_id);
  }

  /** Owner and admins: the audience of join applications. */
  managers(groupId: string): string[] {
    return (
      this.db.prepare("SELECT user_id FROM members WHERE group_id = ? AND role IN ('Owner', 'Admin')").all(groupId) as {
        user_id: string;
      }[]
    ).map((r) => r.user_id);
  }

  add(groupId: string, userId: string, role: MemberRole, now: number): void {
    this.addStmt.run({ groupId, userId, role, now });
  }

  remove(groupId: string, userId: string): boolean {
    return this.db.prepare("DELETE FROM members WHERE group_id = ? AND user_id = ?").run(groupId, userId).changes > 0;
  }

  removeAll(groupId: string): void {
    this.db.prepare("DELETE FROM members WHERE group_id = ?").run(groupId);
  }

  setRole(groupId: string, userId: string, role: MemberRole): void {
    this.db.prepare("UPDATE members SET role = ? WHERE group_id = ? AND user_id = ?").run(role, groupId, userId);
  }

  update(groupId: string, userId: string, fields: { nameCard?: string; msgFlag?: string; data?: KeyValue[] }): void {
    if (fields.nameCard !== undefined) {
      this.db.prepare("UPDATE members SET name_card = ? WHERE group_id = ? AND user_id = ?").run(fields.nameCard, groupId, userId);
    }
    if (fields.msgFlag !== undefined) {
      this.db.prepare("UPDATE members SET msg_flag = ? WHERE group_id = ? AND user_id = ?").run(fields.msgFlag, groupId, userId);
    }
    if (fields.data !== undefined) {
      this.db
        .prepare("UPDATE members SET app_member_defined_data = ? WHERE group_id = ? AND user_id = ?")
        .run(JSON.stringify(fields.data), groupId, userId);
    }
  }

  /** Mutes (0 lifts one) are recorded apart from membership so they survive leaving. */
  setMute(groupId: string, userId: string, muteUntil: number): void {
    if (muteUntil === 0) this.db.prepare("DELETE FROM mutes WHERE group_id = ? AND user_id = ?").run(groupId, userId);
    else {
      this.db
        .prepare(
          "INSERT INTO mutes (group_id, user_id, mute_until) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET mute_until = excluded.mute_until",
        )
        .run(groupId, userId, muteUntil);
    }
    this.db.prepare("UPDATE members SET mute_until = ? WHERE group_id = ? AND user_id = ?").run(muteUntil, groupId, userId);
  }

  muted(groupId: string, now: number): { userId: string; muteUntil: number }[] {
    return (
      this.db
        .prepare(`SELECT user_id, mute_until FROM members WHERE group_id = ? AND mute_until > ? ORDER BY ${JOIN_ORDER}`)
        .all(groupId, now) as { user_id: string; mute_until: number }[]
    ).map((r) => ({ userId: r.user_id, muteUntil: r.mute_until }));
  }

  /** A user's memberships in live groups, for get_joined_group_list and the client. */
  joined(userId: string, query: JoinedGroupQuery): { total: number; items: (Member & { type: GroupType })[] } {
    const conditions = ["m.user_id = ?", "g.dismissed_at IS NULL"];
    const params: unknown[] = [userId];
    if (query.type) {
      conditions.push("g.type = ?");
      params.push(query.type);
    }
    if (!query.includeAVChatRoom) conditions.push("g.type <> 'AVChatRoom'");
    conditions.push(
      query.topicCommunities ? "(g.type = 'Community' AND g.support_topic = 1)" : "NOT (g.type = 'Community' AND g.support_topic = 1)",
    );
    const from = `FROM members m JOIN groups g ON g.group_id = m.group_id WHERE ${conditions.join(" AND ")}`;
    const total = (this.db.prepare(`SELECT COUNT(*) AS n ${from}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT m.*, g.type AS type ${from} ORDER BY g.seq LIMIT ? OFFSET ?`)
      .all(...params, query.limit ?? -1, query.offset) as (MemberRow & { type: string })[];
    return { total, items: rows.map((row) => ({ ...toMember(row), type: row.type as GroupType })) };
  }
}
