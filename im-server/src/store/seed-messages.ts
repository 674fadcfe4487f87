// Bulk messages straight into the store, for benchmarks and the demo seed: apart from the repository so that
// the repository does not know the whole Store (which holds it).
import { messageDigest } from "./messages-repo";
import type { Store } from "./store";

export interface SeedMessagesOptions {
  /** Who sends, in turn; default: each group's members (the group's owner alone if that is all). */
  senders?: readonly string[];
  /** Texts, in turn; default "message n" (n = seq modulo 1000). */
  texts?: readonly string[];
  /** Unix seconds of the newest message; older ones are spread one second apart before it. */
  now?: number;
}

/**
 * Inserts `perGroup` text messages into each of `groupIds` in one transaction, straight into the
 * store (benchmarks and the demo seed): sequence numbers continue each group's own, nothing is
 * delivered and no webhook fires. Returns how many rows were written.
 */
export function seedGroupMessages(store: Store, groupIds: readonly string[], perGroup: number, options: SeedMessagesOptions = {}): number {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  let written = 0;
  const insert = store.db.prepare(`
    INSERT INTO group_messages (group_id, seq, from_account, random, priority, body, digest, msg_time, msg_key)
    VALUES (?, ?, ?, ?, 2, ?, ?, ?, ?)`);
  // A million rows: each (sender, text) pair is encoded and hashed once, not once per row.
  const encoded = new Map<string, { body: string; digest: string }>();
  const encode = (from: string, text: string) => {
    const key = `${from}\0${text}`;
    let value = encoded.get(key);
    if (!value) {
      const body = [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }];
      encoded.set(key, (value = { body: JSON.stringify(body), digest: messageDigest(from, body) }));
    }
    return value;
  };
  store.tx(() => {
    for (const groupId of groupIds) {
      const senders = options.senders?.length ? options.senders : store.members.userIds(groupId);
      if (senders.length === 0) continue;
      const first = store.messages.lastSeq(groupId) + 1;
      for (let i = 0; i < perGroup; i++) {
        const seq = first + i;
        const from = senders[i % senders.length];
        const { body, digest } = encode(from, options.texts?.length ? options.texts[i % options.texts.length] : `message ${seq % 1000}`);
        const msgTime = now - (perGroup - 1 - i);
        const random = Math.floor(Math.random() * 4294967295);
        insert.run(groupId, seq, from, random, body, digest, msgTime, `${random}_${seq}_${msgTime}`);
        written++;
      }
      store.db.prepare("UPDATE groups SET msg_seq = ? WHERE group_id = ?").run(first + perGroup - 1, groupId);
    }
  });
  return written;
}
