// Fills an IM server's data directory at benchmark scale, straight through the IM server's own store and
// repositories in big transactions (100,000 REST calls would take longer than the benchmark itself).
// Deterministic: the same seed gives the same groups, members and applications on every machine.
// Memory stays bounded at any scale: groups are written as they are drawn, ten thousand to a transaction,
// uniqueness is asked of the store (not of a Set of every ID), and only a sample of the IDs is kept.
import { generateGroupId } from "../../im-server/src/domain/group-id";
import type { GroupDraft } from "../../im-server/src/domain/group-profile";
import { type ApplyJoinOption, type GroupType, TYPE_RULES } from "../../im-server/src/domain/group-types";
import { createRng, type Rng } from "../../im-server/src/seed/prng";
import { openStore, type Store } from "../../im-server/src/store/store";

export type SeedSize = { accounts: number; groups: number; memberships: number; pending: number };
export const FULL_SCALE: SeedSize = { accounts: 20_000, groups: 100_000, memberships: 1_000_000, pending: 5_000 };
/** Issue 19's directory: a million groups, each its owner plus a few members (a few large ones). */
export const MILLION_SCALE: SeedSize = { accounts: 100_000, groups: 1_000_000, memberships: 3_000_000, pending: 5_000 };

/** How many group IDs a seeding hands back at most: all of them up to FULL_SCALE, an even sample beyond. */
export const KEPT_GROUP_IDS = 100_000;

export type Seeded = {
  /** How many groups were seeded. */
  groups: number;
  /** Every seeded group's ID when `groups` ≤ KEPT_GROUP_IDS, else every k-th one (in creation order). */
  groupIds: string[];
  accountIds: string[];
  pendingIds: number[];
  seconds: number;
};

// Names in English, Japanese and Chinese, so searches find Latin and CJK substrings.
const TOPICS = [
  "Weekend Hikers",
  "Book Club",
  "Night Runners",
  "Indie Game Devs",
  "Jazz Lovers",
  "Product Launch",
  "Photo Walk",
  "Startup Founders",
  "Chess Masters",
  "Vegan Kitchen",
  "Retro Gamers",
  "Data Science",
  "Language Exchange",
  "Cycling Crew",
  "東京 React 勉強会",
  "上海摄影爱好者",
  "北京跑步团",
  "大阪グルメ部",
  "京都写真部",
  "深圳创业者",
  "台北读书会",
  "札幌スキー仲間",
  "广州美食群",
  "横浜ジャズ愛好会",
  "成都熊猫粉丝",
  "名古屋ゲーム開発",
];
const TYPES: [GroupType, number][] = [
  ["Public", 0.4],
  ["Private", 0.2],
  ["ChatRoom", 0.2],
  ["Community", 0.1],
  ["AVChatRoom", 0.1],
];
const NICKS = ["Aiko", "Ben", "Chen Wei", "田中", "李娜", "Sofia", "Kenji", "王芳", "Lucas", "さくら"];
const YEAR = 365 * 86400;

function pickType(rng: Rng): GroupType {
  let r = rng.next();
  for (const [type, weight] of TYPES) if ((r -= weight) < 0) return type;
  return "Public";
}

/** Mostly small groups, a few large ones; scaled so the sizes add up to exactly `total`. */
function groupSizes(rng: Rng, groups: number, total: number, maxSize: number): Uint16Array {
  const sizes = new Uint16Array(groups); // 2 bytes a group: a million sizes are 2 MB, not a million numbers
  let rawTotal = 0;
  for (let i = 0; i < groups; i++) {
    const r = rng.next();
    sizes[i] = r < 0.9 ? rng.int(2, 15) : r < 0.99 ? rng.int(16, 60) : rng.int(61, 400);
    rawTotal += sizes[i];
  }
  const factor = total / rawTotal;
  let sum = 0;
  for (let i = 0; i < groups; i++) sum += sizes[i] = Math.min(maxSize, Math.max(1, Math.round(sizes[i] * factor)));
  let diff = total - sum;
  while (diff !== 0) {
    const i = rng.int(0, groups - 1);
    const step = diff > 0 && sizes[i] < maxSize ? 1 : diff < 0 && sizes[i] > 1 ? -1 : 0;
    sizes[i] += step;
    diff -= step;
  }
  return sizes;
}

function draft(rng: Rng, type: GroupType, groupId: string, owner: string, n: number): GroupDraft {
  const rules = TYPE_RULES[type];
  const joinOption: ApplyJoinOption =
    type === "Public"
      ? rng.chance(0.7)
        ? "NeedPermission"
        : rng.chance(0.67)
          ? "FreeAccess"
          : "DisableApply"
      : rules.defaultApplyJoinOption;
  return {
    type,
    groupId,
    name: `${rng.pick(TOPICS)} ${n}`,
    introduction: "",
    notification: "",
    faceUrl: "",
    owner,
    maxMembers: rules.maxMembersCeiling,
    applyJoinOption: joinOption,
    inviteJoinOption: rules.defaultInviteJoinOption,
    muteAll: false,
    supportTopic: false,
    appDefinedData: [],
    members: [],
  };
}

function seedGroups(
  store: Store,
  rng: Rng,
  size: SeedSize,
  accountIds: string[],
  now: number,
): { groupIds: string[]; needPermission: string[] } {
  const sizes = groupSizes(rng, size.groups, size.memberships, Math.min(accountIds.length, 2000));
  const keepEvery = Math.ceil(size.groups / KEPT_GROUP_IDS);
  const groupIds: string[] = [];
  const needPermission: string[] = []; // among the kept IDs only: pending applications go to groups callers know
  const taken = store.db.prepare("SELECT 1 FROM groups WHERE group_id = ?").pluck();
  const start = now - 2 * YEAR;
  const step = (2 * YEAR - 86400) / size.groups;
  const CHUNK = 10_000;
  for (let from = 0; from < size.groups; from += CHUNK) {
    store.tx(() => {
      for (let i = from; i < Math.min(size.groups, from + CHUNK); i++) {
        const type = pickType(rng);
        let groupId: string;
        do groupId = generateGroupId(type, rng.next);
        while (taken.get(groupId) !== undefined);
        const createdAt = Math.floor(start + i * step);
        const members = new Set<string>();
        while (members.size < sizes[i]) members.add(rng.pick(accountIds));
        const [owner, ...others] = members;
        const d = draft(rng, type, groupId, owner, i + 1);
        store.groups.insert(groupId, d, createdAt);
        store.members.add(groupId, owner, "Owner", createdAt);
        others.forEach((userId, k) => {
          const role = k < 2 && others.length > 5 && TYPE_RULES[type].hasAdmins ? "Admin" : "Member";
          store.members.add(groupId, userId, role, createdAt + rng.int(0, now - createdAt));
        });
        if (i % keepEvery !== 0) continue;
        groupIds.push(groupId);
        if (d.applyJoinOption === "NeedPermission") needPermission.push(groupId);
      }
    });
  }
  return { groupIds, needPermission };
}

/** Pending applications to Public groups that need approval, from accounts that are not members yet. */
function seedApplications(store: Store, rng: Rng, count: number, groups: string[], accountIds: string[], now: number): number[] {
  const ids: number[] = [];
  store.tx(() => {
    while (ids.length < count) {
      const groupId = rng.pick(groups);
      const requester = rng.pick(accountIds);
      if (store.members.get(groupId, requester) || store.applications.pendingFor(groupId, requester)) continue;
      ids.push(
        store.applications.insert({
          groupId,
          requester,
          message: rng.pick(["Hi! May I join?", "よろしくお願いします", "请让我加入"]),
          status: "pending",
          createdAt: now - rng.int(60, 3 * 86400),
          handledBy: null,
          handledAt: null,
          reason: null,
        }),
      );
    }
  });
  return ids;
}

export function seedImData(dataDir: string, size: SeedSize = FULL_SCALE, seed = 20240601): Seeded {
  const started = performance.now();
  const store = openStore(dataDir);
  if (!store.isEmpty()) throw new Error("the IM data directory is not empty");
  // A throwaway directory filled in one go: no journal and no syncs while seeding (each page is written
  // once, not to the WAL and again at checkpoints), and WAL again for the IM server that opens it after.
  store.db.pragma("cache_size = -262144"); // 256 MB: the seeding's own page cache, the most of its memory
  store.db.pragma("journal_mode = OFF");
  store.db.pragma("synchronous = OFF");
  const rng = createRng(seed);
  const now = Math.floor(Date.now() / 1000);
  const accountIds = Array.from({ length: size.accounts }, (_, i) => `u_${String(i + 1).padStart(6, "0")}`);
  store.tx(() => accountIds.forEach((id, i) => store.accounts.upsert(id, `${NICKS[i % NICKS.length]} ${i + 1}`, "", now - 3 * YEAR)));
  const { groupIds, needPermission } = seedGroups(store, rng, size, accountIds, now);
  const pendingIds = seedApplications(store, rng, size.pending, needPermission, accountIds, now);
  store.db.pragma("journal_mode = WAL");
  store.close();
  return { groups: size.groups, groupIds, accountIds, pendingIds, seconds: (performance.now() - started) / 1000 };
}
