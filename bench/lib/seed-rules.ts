// Fills a console store for the rules benchmark: 2,000 groups in the directory, 100,000 applications people
// decided over the past 90 days (60% approved, 40% refused) and 5,000 pending from the last hour, from 20,000
// requesters, with messages in English, Japanese and Chinese, some of them spam. Straight into the applications
// model (table inbox_applications), in transactions; deterministic.
import type { Group } from "../../lib/schemas/group";
import type { CreateRule } from "../../lib/schemas/rule";
import { upsertGroups } from "../../lib/server/directory";
import type { SqlValue, Store } from "../../lib/server/store/store";
import { createRng } from "../../im-server/src/seed/prng";

export const RULES_SCALE = { groups: 2_000, requesters: 20_000, decided: 100_000, pending: 5_000, days: 90 };

const MESSAGES = [
  "Hi! May I join? I found you through the hiking meetup.",
  "Long-time reader, first time applying",
  "よろしくお願いします。写真が好きです",
  "ハイキングの会に参加したいです",
  "请让我加入，我也喜欢摄影",
  "我是新来的，想认识更多朋友",
  "",
  "ＦＲＥＥ followers, cheap 広告 here",
  "Buy crypto now, free money",
];
const DAY = 86_400_000;
const COLUMNS =
  "(group_id, requester_id, message, status, created_at, handled_by, handled_at, reason, group_type, handled_via, search_text)";

export const groupIdOf = (i: number) => `bench_${String(i).padStart(5, "0")}`;
export const requesterOf = (i: number) => `u_${String(i).padStart(6, "0")}`;

export async function seedRulesData(db: Store, now = Date.now(), seed = 20261204): Promise<{ seconds: number }> {
  const started = performance.now();
  const rng = createRng(seed);
  const groups: Group[] = Array.from({ length: RULES_SCALE.groups }, (_, i) => ({
    id: groupIdOf(i),
    name: `${["Weekend Hikers", "東京 React 勉強会", "上海摄影爱好者", "Book Club"][i % 4]} ${i + 1}`,
    type: i % 10 === 0 ? "Community" : "Public",
    ownerId: requesterOf(i),
    memberCount: 10,
    maxMemberCount: 2000,
    joinOption: i % 10 === 0 ? "FreeAccess" : "NeedPermission",
    introduction: "",
    notification: "",
    faceUrl: "",
    muteAll: false,
    supportTopic: false,
    createdAt: new Date(now - 300 * DAY).toISOString(),
    pendingApplications: 0,
  }));
  await upsertGroups(db, groups, 1);

  const rows: SqlValue[][] = [];
  for (let i = 0; i < RULES_SCALE.decided; i++) {
    const g = rng.int(0, RULES_SCALE.groups - 1);
    // Within 89 days, so a 90-day dry run started a little later still sees every one.
    const created = now - rng.int(60_000, (RULES_SCALE.days - 1) * DAY);
    const status = rng.chance(0.6) ? "approved" : "refused";
    rows.push([
      groupIdOf(g),
      requesterOf(rng.int(0, RULES_SCALE.requesters - 1)),
      rng.pick(MESSAGES),
      status,
      new Date(created).toISOString(),
      `moderator${rng.int(1, 8)}@example.com`,
      new Date(Math.min(now, created + rng.int(60_000, 2 * DAY))).toISOString(),
      status === "refused" ? "Not a fit for this group" : null,
      g % 10 === 0 ? "Community" : "Public",
      "console",
      "",
    ]);
  }
  // Pending ones: one per requester and group (the model's unique index), all within the last hour.
  for (let i = 0; i < RULES_SCALE.pending; i++) {
    const g = i % RULES_SCALE.groups;
    rows.push([
      groupIdOf(g),
      requesterOf(i),
      rng.pick(MESSAGES),
      "pending",
      new Date(now - rng.int(1_000, 3_600_000)).toISOString(),
      null,
      null,
      null,
      g % 10 === 0 ? "Community" : "Public",
      null,
      "",
    ]);
  }
  // 11 values a row: 500 rows a statement stays far below SQLite's limit on bound parameters.
  for (let from = 0; from < rows.length; from += 10_000)
    await db.transaction(async (tx) => {
      for (let i = from; i < Math.min(rows.length, from + 10_000); i += 500) {
        const chunk = rows.slice(i, Math.min(i + 500, from + 10_000));
        await tx.run(
          `INSERT INTO inbox_applications ${COLUMNS} VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
          chunk.flat(),
        );
      }
    });
  return { seconds: (performance.now() - started) / 1000 };
}

/**
 * 99 enabled rules that each cost something and match nothing the benchmarks send: 25 with 20 words each (Latin
 * and CJK), 25 on refusals over 1–30 days (some in the same group only), 25 on bursts over 1–60 minutes, and 24
 * scoped to some groups (`scopeOf(i)`) and Public groups, with 1,000 requester IDs and 20 words. The caller adds
 * the hundredth, the one that decides.
 */
export function ninetyNineCostlyRules(scopeOf: (i: number) => string[]): CreateRule[] {
  const rules: CreateRule[] = [];
  for (let i = 0; i < 99; i++) {
    const base = { name: `rule ${i}`, enabled: true, scope: {}, then: { action: "refuse" as const, reason: "Not a fit for this group" } };
    const words = Array.from({ length: 20 }, (_, k) => (k % 2 ? `promo${i}x${k}` : `宣伝${i}の${k}`));
    if (i % 4 === 0) rules.push({ ...base, when: { messageContainsAny: words } });
    // Conditions on counts that hold nowhere, behind nothing cheap: the store's counts are read for them.
    else if (i % 4 === 1) rules.push({ ...base, when: { refusedAtLeast: { count: 1_000, days: 1 + (i % 30), sameGroup: i % 8 === 1 } } });
    else if (i % 4 === 2) rules.push({ ...base, when: { burst: { atLeast: 10_000, minutes: 1 + (i % 60) } } });
    else
      rules.push({
        ...base,
        scope: { groupIds: scopeOf(i), types: ["Public"] },
        when: { requesterIn: Array.from({ length: 1_000 }, (_, k) => `vip_${i}_${k}`), messageContainsAny: words },
      });
  }
  return rules;
}
