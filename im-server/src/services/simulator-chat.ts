// The simulator's chatter: now and then a member of a demo group says something short in English,
// Japanese or Chinese, and once in a while the demo spammer joins a free group and posts a link.
// Through the same services as a phone, so mutes, bans and mute-all refuse it as they would a person.
import { ImServerError } from "../domain/errors";
import { sdkPriority } from "../domain/group-messages";
import { CHAT_PHRASES, SPAMMER, SPAM_PHRASES } from "../seed/demo-chat";
import { importAccount } from "./accounts";
import type { Actor, ServiceContext } from "./context";
import { sendGroupMessage } from "./group-messages";
import { joinGroup } from "./membership";

/** The share of the simulator's ticks that chat instead of joining, applying or leaving. */
export const CHAT_SHARE = 0.4;
const SPAM_CHANCE = 0.12;

const pick = <T>(items: readonly T[], random: () => number): T | undefined =>
  items.length ? items[Math.floor(random() * items.length)] : undefined;

const phone = (userId: string): Actor => ({ userId, viaRest: false, platform: "Android", clientIp: "127.0.0.1" });

function say(ctx: ServiceContext, userId: string, groupId: string, text: string): string {
  const body = [{ MsgType: "TIMTextElem", MsgContent: { Text: text } }];
  const sent = sendGroupMessage(ctx, phone(userId), { groupId, from: userId, priority: sdkPriority(0), body, text });
  return `${userId} said "${text}" in ${groupId} (seq ${sent.msgSeq})`;
}

/** One chat line or one spam post; returns what happened, or null when nothing fit. */
export async function simulateChat(ctx: ServiceContext, random: () => number = Math.random): Promise<string | null> {
  const { groups, members } = ctx.store;
  try {
    if (random() < SPAM_CHANCE) {
      const free = [...groups.liveIdsOfTypes(["ChatRoom", "Community"]), ...groups.liveIdsOfTypes(["Public"], "FreeAccess")];
      const groupId = pick(free, random);
      if (!groupId) return null;
      if (!ctx.store.accounts.exists(SPAMMER.userId)) importAccount(ctx, SPAMMER.userId, SPAMMER.nick);
      if (!members.role(groupId, SPAMMER.userId)) await joinGroup(ctx, phone(SPAMMER.userId), groupId, "");
      return say(ctx, SPAMMER.userId, groupId, pick(SPAM_PHRASES, random)!);
    }
    const groupId = pick(groups.liveIdsOfTypes(["Private", "Public", "ChatRoom", "Community"]), random);
    if (!groupId) return null;
    const speaker = pick(
      members.list(groupId, { limit: 30 }).filter((m) => m.userId !== SPAMMER.userId),
      random,
    );
    if (!speaker) return null;
    return say(ctx, speaker.userId, groupId, pick(CHAT_PHRASES, random)!);
  } catch (error) {
    // A muted speaker, a banned spammer, a full group: skipped, as a phone's failed send would be.
    if (error instanceof ImServerError) return `refused ${error.code}: ${error.info}`;
    throw error;
  }
}
