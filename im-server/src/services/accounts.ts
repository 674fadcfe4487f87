// Accounts, their profile (nickname and face), and one-to-one messages to them.
import type { Actor, ServiceContext } from "./context";
import { commit, messageKey } from "./context";

export function importAccount(ctx: ServiceContext, userId: string, nick?: string, faceUrl?: string): void {
  ctx.store.tx(() => ctx.store.accounts.upsert(userId, nick, faceUrl, ctx.now()));
}

export function importAccounts(ctx: ServiceContext, userIds: readonly string[]): void {
  ctx.store.tx(() => {
    for (const userId of userIds) ctx.store.accounts.upsert(userId, undefined, undefined, ctx.now());
  });
}

export interface TextMessage {
  from: string;
  to: string;
  body: unknown[];
  text: string;
}

/** openim/sendmsg: kept as a notice for the recipient and pushed to their stream. */
export function sendMessage(ctx: ServiceContext, actor: Actor, message: TextMessage): { msgTime: number; msgKey: string } {
  return commit(ctx, actor, (out) => {
    const msgTime = ctx.now();
    const msgKey = messageKey(msgTime);
    ctx.store.events.addNotice({
      userId: message.to,
      kind: "c2c",
      from: message.from,
      groupId: null,
      content: message.body,
      msgTime,
      msgKey,
    });
    out.event([message.to], "onRecvNewMessage", {
      msgID: msgKey,
      sender: message.from,
      timestamp: msgTime,
      text: message.text,
      elemList: message.body,
    });
    return { msgTime, msgKey };
  });
}
