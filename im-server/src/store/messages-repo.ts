// Group messages: one row per message with the group's own sequence number. History is read newest
// first through the (group_id, seq) index, so a page costs the same at 1,000,000 stored messages as
// at ten; recalls and the purge mark rows instead of deleting them (Tencent's "marked, not deleted").
import { createHash } from "node:crypto";
import type { Database, Statement } from "better-sqlite3";

export interface GroupMessage {
  groupId: string;
  seq: number;
  from: string;
  random: number;
  /** Wire MsgPriority: 1 High, 2 Normal, 3 Low, 4 Lowest. */
  priority: number;
  body: unknown[];
  msgTime: number;
  msgKey: string;
  recalled: boolean;
}

interface MessageRow {
  group_id: string;
  seq: number;
  from_account: string;
  random: number;
  priority: number;
  body: string;
  msg_time: number;
  msg_key: string;
  recalled: number;
}

const toMessage = (row: MessageRow): GroupMessage => ({
  groupId: row.group_id,
  seq: row.seq,
  from: row.from_account,
  random: row.random,
  priority: row.priority,
  body: JSON.parse(row.body) as unknown[],
  msgTime: row.msg_time,
  msgKey: row.msg_key,
  recalled: row.recalled === 1,
});

export type NewMessage = Omit<GroupMessage, "seq" | "recalled">;

/** What makes two sends "the same content": the sender and the exact body. */
export function messageDigest(from: string, body: unknown[]): string {
  return createHash("sha1").update(from).update("\0").update(JSON.stringify(body)).digest("hex");
}

export class MessagesRepo {
  private readonly nextSeqStmt: Statement<[string], { msg_seq: number }>;
  private readonly insertStmt: Statement;
  private readonly pageStmt: Statement<[string, number, number, number], MessageRow>;

  constructor(private readonly db: Database) {
    this.nextSeqStmt = db.prepare("UPDATE groups SET msg_seq = msg_seq + 1 WHERE group_id = ? RETURNING msg_seq");
    this.insertStmt = db.prepare(`
      INSERT INTO group_messages (group_id, seq, from_account, random, priority, body, digest, msg_time, msg_key)
      VALUES (@groupId, @seq, @from, @random, @priority, @body, @digest, @msgTime, @msgKey)`);
    this.pageStmt = db.prepare(`
      SELECT * FROM group_messages WHERE group_id = ? AND seq <= ? AND (recalled = 0 OR ?)
      ORDER BY seq DESC LIMIT ?`);
  }

  /** Hands out the group's next sequence number (call inside the sending transaction). */
  nextSeq(groupId: string): number {
    return this.nextSeqStmt.get(groupId)!.msg_seq;
  }

  lastSeq(groupId: string): number {
    const row = this.db.prepare("SELECT msg_seq FROM groups WHERE group_id = ?").get(groupId) as { msg_seq: number } | undefined;
    return row?.msg_seq ?? 0;
  }

  insert(message: NewMessage & { seq: number }): void {
    this.insertStmt.run({ ...message, body: JSON.stringify(message.body), digest: messageDigest(message.from, message.body) });
  }

  /** An earlier message with the same sender, body and Random sent since `since`, if any. */
  duplicate(groupId: string, from: string, body: unknown[], random: number, since: number): GroupMessage | null {
    const row = this.db
      .prepare("SELECT * FROM group_messages WHERE group_id = ? AND random = ? AND digest = ? AND msg_time >= ? ORDER BY seq DESC LIMIT 1")
      .get(groupId, random, messageDigest(from, body), since) as MessageRow | undefined;
    return row ? toMessage(row) : null;
  }

  get(groupId: string, seq: number): GroupMessage | null {
    const row = this.db.prepare("SELECT * FROM group_messages WHERE group_id = ? AND seq = ?").get(groupId, seq) as MessageRow | undefined;
    return row ? toMessage(row) : null;
  }

  /** Up to `limit` messages with seq ≤ `maxSeq`, newest first; recalled ones only when asked. */
  page(groupId: string, maxSeq: number, limit: number, withRecalled: boolean): GroupMessage[] {
    return this.pageStmt.all(groupId, maxSeq, withRecalled ? 1 : 0, limit).map(toMessage);
  }

  /** Marks one message recalled; false when it does not exist or already was. */
  recall(groupId: string, seq: number): boolean {
    return (
      this.db.prepare("UPDATE group_messages SET recalled = 1 WHERE group_id = ? AND seq = ? AND recalled = 0").run(groupId, seq)
        .changes === 1
    );
  }

  /** Marks `sender`'s messages among the group's latest `window` seqs recalled; returns how many. */
  recallBySender(groupId: string, sender: string, window: number): number {
    const floor = this.lastSeq(groupId) - window;
    return this.db
      .prepare("UPDATE group_messages SET recalled = 1 WHERE group_id = ? AND seq > ? AND from_account = ? AND recalled = 0")
      .run(groupId, floor, sender).changes;
  }

  count(groupId: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM group_messages WHERE group_id = ?").get(groupId) as { n: number }).n;
  }
}
