// What demo members say in their groups (the simulator and the demo seed), and what the demo spammer
// posts, so the console's message views and moderation tools have something real-looking to show.
import { seedGroupMessages } from "../store/seed-messages";
import type { Store } from "../store/store";

export const CHAT_PHRASES = [
  "Morning everyone! Anyone going to the meetup on Saturday?",
  "Thanks for sharing, that was really helpful.",
  "Does anyone have a good recommendation for a beginner?",
  "Running a bit late, save me a seat 🙏",
  "Just uploaded the photos from last week, check the album.",
  "Great discussion today, see you all next time!",
  "Welcome to the new members 👋",
  "I'll bring snacks this time.",
  "おはようございます！今日もよろしくお願いします。",
  "資料ありがとうございます、助かります！",
  "週末の勉強会、参加できそうです。",
  "少し遅れます、すみません🙇",
  "新しいメンバーの方、ようこそ！",
  "その件、あとでまとめて共有しますね。",
  "大家好！周末有人一起去吗？",
  "谢谢分享，学到了很多。",
  "今天的照片已经上传到相册了。",
  "新人报到，请多关照～",
  "我晚点到，大家先开始吧。",
  "这个问题我也遇到过，重启一下就好了。",
] as const;

/** The demo's spammer account; it joins free groups and posts links the console should catch. */
export const SPAMMER = { userId: "promo_deals_88", nick: "Best Deals 88" } as const;

export const SPAM_PHRASES = [
  "cheap followers → http://spam.example/xyz",
  "🔥 Earn $500/day from home!! http://spam.example/earn",
  "免费领取会员 👉 http://spam.example/vip",
  "フォロワー1000人が今だけ無料 http://spam.example/free",
] as const;

/** A few recent messages in every demo group that keeps history, so no history starts empty. */
export function seedDemoMessages(store: Store, now: number): number {
  const groupIds = store.groups.liveIdsOfTypes(["Private", "Public", "ChatRoom", "Community"]);
  let written = 0;
  groupIds.forEach((groupId, i) => {
    const senders = store.members.userIds(groupId).slice(0, 6);
    if (senders.length === 0) return;
    const texts = CHAT_PHRASES.map((_, k) => CHAT_PHRASES[(k + i * 7) % CHAT_PHRASES.length]);
    written += seedGroupMessages(store, [groupId], 3 + (i % 6), { senders, texts, now: now - 60 * (i + 1) });
  });
  return written;
}
