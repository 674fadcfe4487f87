// Fills an IM server's data directory for the queue benchmark: Public and Community groups that need approval,
// and 100,000 applications (20% pending, the rest approved or refused over the past 90 days) from 20,000
// accounts, with messages in English, Japanese and Chinese. One requester, HEAVY_REQUESTER, has 200 of them
// (the applicant context's goal). Straight through the IM server's store, in transactions; deterministic.
import type { GroupDraft } from "../../im-server/src/domain/group-profile";
import type { GroupType } from "../../im-server/src/domain/group-types";
import { TYPE_RULES } from "../../im-server/src/domain/group-types";
import { generateGroupId } from "../../im-server/src/domain/group-id";
import { createRng } from "../../im-server/src/seed/prng";
import { openStore } from "../../im-server/src/store/store";

export const QUEUE_SCALE = { accounts: 20_000, groups: 2_000, applications: 100_000, pendingShare: 0.2 };
export const HEAVY_REQUESTER = "u_heavy";
export const HEAVY_APPLICATIONS = 200;

const MESSAGES = [
  "Hi! May I join? I found you through the hiking meetup.",
  "Long-time reader, first time applying",
  "よろしくお願いします。写真が好きです",
  "ハイキングの会に参加したいです",
  "请让我加入，我也喜欢摄影",
  "我是新来的，想认识更多朋友",
  "",
];
const DAY = 86400;

export function seedQueueData(
  dataDir: string,
  seed = 20261204,
  scale: { applications: number } = QUEUE_SCALE,
): { seconds: number; pending: number; decided: number } {
  const started = performance.now();
  const store = openStore(dataDir);
  if (!store.isEmpty()) throw new Error("the IM data directory is not empty");
  store.db.pragma("cache_size = -262144");
  const rng = createRng(seed);
  const now = Math.floor(Date.now() / 1000);
  const accounts = Array.from({ length: QUEUE_SCALE.accounts }, (_, i) => `u_${String(i + 1).padStart(6, "0")}`);
  const groupIds: string[] = [];
  store.tx(() => {
    accounts.forEach((id, i) =>
      store.accounts.upsert(id, `${["Aiko", "Ben", "陈伟", "田中", "Sofia"][i % 5]} ${i + 1}`, "", now - 400 * DAY),
    );
    store.accounts.upsert(HEAVY_REQUESTER, "Heavy Applicant", "", now - 400 * DAY);
    for (let i = 0; i < QUEUE_SCALE.groups; i++) {
      const type: GroupType = i % 10 === 0 ? "Community" : "Public";
      const groupId = generateGroupId(type, rng.next);
      const owner = accounts[i % accounts.length];
      const draft: GroupDraft = {
        type,
        groupId,
        name: `${["Weekend Hikers", "東京 React 勉強会", "上海摄影爱好者", "Book Club"][i % 4]} ${i + 1}`,
        introduction: "",
        notification: "",
        faceUrl: "",
        owner,
        maxMembers: TYPE_RULES[type].maxMembersCeiling,
        applyJoinOption: "NeedPermission",
        inviteJoinOption: TYPE_RULES[type].defaultInviteJoinOption,
        muteAll: false,
        supportTopic: false,
        appDefinedData: [],
        members: [],
      };
      store.groups.insert(groupId, draft, now - 300 * DAY);
      store.members.add(groupId, owner, "Owner", now - 300 * DAY);
      groupIds.push(groupId);
    }
  });

  let pending = 0;
  let decided = 0;
  const insert = (groupId: string, requester: string, status: "pending" | "approved" | "refused", createdAt: number) => {
    const handled = status !== "pending";
    store.applications.insert({
      groupId,
      requester,
      message: rng.pick(MESSAGES),
      status,
      createdAt,
      handledBy: handled ? `moderator${rng.int(1, 8)}@example.com` : null,
      handledAt: handled ? createdAt + rng.int(60, 2 * DAY) : null,
      reason: status === "refused" ? "Not a fit for this group" : null,
    });
    if (handled) decided++;
    else pending++;
  };
  // One pending application per requester and group, as the IM server keeps them.
  const pendingPairs = new Set<string>();
  const CHUNK = 20_000;
  const total = scale.applications - HEAVY_APPLICATIONS;
  for (let from = 0; from < total; from += CHUNK) {
    store.tx(() => {
      for (let i = from; i < Math.min(total, from + CHUNK); i++) {
        const groupId = rng.pick(groupIds);
        const requester = rng.pick(accounts);
        const wantPending = rng.chance(QUEUE_SCALE.pendingShare) && !pendingPairs.has(`${groupId} ${requester}`);
        if (wantPending) pendingPairs.add(`${groupId} ${requester}`);
        const status = wantPending ? "pending" : rng.chance(0.6) ? "approved" : "refused";
        insert(groupId, requester, status, now - (wantPending ? rng.int(60, 7 * DAY) : rng.int(2 * DAY, 90 * DAY)));
      }
    });
  }
  store.tx(() => {
    for (let i = 0; i < HEAVY_APPLICATIONS; i++)
      insert(groupIds[i], HEAVY_REQUESTER, i % 10 === 0 ? "pending" : i % 3 === 0 ? "approved" : "refused", now - rng.int(60, 90 * DAY));
  });
  store.db.pragma("wal_checkpoint(TRUNCATE)");
  store.close();
  return { seconds: (performance.now() - started) / 1000, pending, decided };
}
