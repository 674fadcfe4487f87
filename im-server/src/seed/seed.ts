// Deterministic demo data (IM_DEMO=1, empty data dir): ~300 accounts, 40 groups of every type,
// members, admins and join applications. One transaction, straight into the store: seeding is
// history, so it fires no events or webhooks.
import type { ImServerConfig } from "../config";
import { generateGroupId } from "../domain/group-id";
import type { GroupDraft } from "../domain/group-profile";
import { TYPE_RULES } from "../domain/group-types";
import type { Store } from "../store/store";
import { DEMO_GROUPS } from "./demo-groups";
import {
  APPLY_MESSAGES,
  APPROVE_REASONS,
  CHINESE_FAMILY,
  CHINESE_GIVEN,
  ENGLISH_FAMILY,
  ENGLISH_GIVEN,
  JAPANESE_FAMILY,
  JAPANESE_GIVEN,
  REFUSE_REASONS,
} from "./demo-names";
import { type Rng, createRng } from "./prng";
import { seedDemoMessages } from "./demo-chat";

export const DEMO_SEED = 20240601;
export const DEMO_ACCOUNT_COUNT = 300;
const DAY = 86400;

interface DemoAccount {
  userId: string;
  nick: string;
}

function demoAccounts(rng: Rng): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  const taken = new Set<string>();
  while (accounts.length < DEMO_ACCOUNT_COUNT) {
    const roll = rng.next();
    let latinGiven: string;
    let latinFamily: string;
    let nick: string;
    if (roll < 0.4) {
      latinGiven = rng.pick(ENGLISH_GIVEN);
      latinFamily = rng.pick(ENGLISH_FAMILY);
      nick = `${latinGiven} ${latinFamily}`;
    } else if (roll < 0.7) {
      const [given, givenKanji] = rng.pick(JAPANESE_GIVEN);
      const [family, familyKanji] = rng.pick(JAPANESE_FAMILY);
      [latinGiven, latinFamily] = [given, family];
      nick = rng.chance(0.5) ? `${given} ${family}` : `${familyKanji} ${givenKanji}`;
    } else {
      const [family, familyHanzi] = rng.pick(CHINESE_FAMILY);
      const [given, givenHanzi] = rng.pick(CHINESE_GIVEN);
      [latinGiven, latinFamily] = [given, family];
      nick = rng.chance(0.6) ? `${familyHanzi}${givenHanzi}` : `${family} ${given}`;
    }
    const base = `u_${latinGiven}_${latinFamily}`.toLowerCase();
    let userId = base;
    for (let n = 2; taken.has(userId); n++) userId = `${base}${n}`;
    taken.add(userId);
    accounts.push({ userId, nick });
  }
  return accounts;
}

function draftOf(demo: (typeof DEMO_GROUPS)[number], owner: string | null): GroupDraft {
  const rules = TYPE_RULES[demo.type];
  return {
    type: demo.type,
    groupId: demo.id,
    name: demo.name,
    introduction: demo.introduction,
    notification: demo.notification ?? "",
    faceUrl: "",
    owner,
    maxMembers: demo.maxMembers ?? rules.maxMembersCeiling,
    applyJoinOption: demo.joinOption ?? rules.defaultApplyJoinOption,
    inviteJoinOption: rules.defaultInviteJoinOption,
    muteAll: false,
    supportTopic: demo.supportTopic ?? false,
    appDefinedData: [],
    members: [],
  };
}

export function seedDemo(store: Store, now: number): { accounts: number; groups: number; applications: number } {
  const rng = createRng(DEMO_SEED);
  const accounts = demoAccounts(rng);
  const userIds = accounts.map((a) => a.userId);
  // Creation times over the past six months, inserted oldest first so listing order is creation order.
  const plans = DEMO_GROUPS.map((demo) => ({ demo, createdAt: now - rng.int(3 * DAY, 180 * DAY) })).sort(
    (a, b) => a.createdAt - b.createdAt,
  );
  let applications = 0;

  store.tx(() => {
    const earliest = plans[0].createdAt - 30 * DAY;
    for (const account of accounts) store.accounts.upsert(account.userId, account.nick, "", earliest + rng.int(0, 20 * DAY));

    for (const { demo, createdAt } of plans) {
      const people = rng.shuffle(userIds);
      const owner = demo.noOwner ? null : people[0];
      const memberIds = people.slice(0, demo.members);
      const groupId = demo.id ?? generateGroupId(demo.type, rng.next);
      store.groups.insert(groupId, draftOf(demo, owner), createdAt);

      const joinTime = () => createdAt + rng.int(0, Math.max(1, now - createdAt - DAY));
      let lastActive = createdAt;
      memberIds.forEach((userId, index) => {
        const role = userId === owner ? "Owner" : index <= (demo.admins ?? 0) && TYPE_RULES[demo.type].hasAdmins ? "Admin" : "Member";
        const joinedAt = userId === owner ? createdAt : joinTime();
        lastActive = Math.max(lastActive, joinedAt);
        store.members.add(groupId, userId, role, joinedAt);
      });

      // Applications come from people outside the group; handled ones are older than pending ones.
      const outsiders = people.slice(demo.members);
      const managers = memberIds.slice(0, 1 + (demo.admins ?? 0));
      const [approved, refused] = demo.handled ?? [0, 0];
      const history: { at: number; userId: string; status: "approved" | "refused" | "pending" }[] = [];
      const after = (at: number) => Math.max(createdAt + 3600, at);
      for (let i = 0; i < approved + refused; i++) {
        history.push({
          at: after(now - rng.int(4 * DAY, 20 * DAY)),
          userId: outsiders.pop()!,
          status: i < approved ? "approved" : "refused",
        });
      }
      for (let i = 0; i < (demo.pending ?? 0); i++) {
        history.push({ at: after(now - rng.int(600, 3 * DAY)), userId: outsiders.pop()!, status: "pending" });
      }
      history.sort((a, b) => a.at - b.at);
      for (const entry of history) {
        const handled = entry.status !== "pending";
        const handledAt = handled ? entry.at + rng.int(600, DAY) : null;
        store.applications.insert({
          groupId,
          requester: entry.userId,
          message: rng.pick(APPLY_MESSAGES),
          status: entry.status,
          createdAt: entry.at,
          handledBy: handled ? rng.pick(managers) : null,
          handledAt,
          reason: entry.status === "approved" ? rng.pick(APPROVE_REASONS) : entry.status === "refused" ? rng.pick(REFUSE_REASONS) : null,
        });
        // An approved applicant is a member since the approval (the group has room: it was seeded below its cap).
        if (entry.status === "approved" && handledAt !== null) store.members.add(groupId, entry.userId, "Member", handledAt);
        lastActive = Math.max(lastActive, handledAt ?? entry.at);
        applications++;
      }
      store.groups.touch(groupId, lastActive);
    }
    applications += seedRepeatApplicants(store, rng, userIds, now);
  });
  return { accounts: accounts.length, groups: plans.length, applications };
}

/** Requesters refused before who apply again elsewhere: the queue's "refused before" has someone to show. */
const REPEAT_APPLICANTS = 4;

/**
 * A few applicants refused by two or three groups over the past weeks, each now waiting on another one, so a
 * moderator opening the queue of a fresh demo sees the history the console keeps. Seeded after the groups
 * (the same seed gives the same groups as before), among Public groups that need approval.
 */
function seedRepeatApplicants(store: Store, rng: ReturnType<typeof createRng>, userIds: string[], now: number): number {
  const groupIds = store.groups.liveIdsOfTypes(["Public"], "NeedPermission");
  if (groupIds.length < 3) return 0;
  let added = 0;
  const outside = (groupId: string, userId: string) =>
    !store.members.role(groupId, userId) && !store.applications.pendingFor(groupId, userId);
  for (const userId of rng.shuffle(userIds).slice(0, REPEAT_APPLICANTS)) {
    const groups = rng.shuffle(groupIds).filter((g) => outside(g, userId));
    const refusals = groups.slice(0, 2 + rng.int(0, 1));
    const waiting = groups[refusals.length];
    if (!waiting) continue;
    for (const groupId of refusals) {
      const at = now - rng.int(3 * DAY, 15 * DAY);
      store.applications.insert({
        groupId,
        requester: userId,
        message: rng.pick(APPLY_MESSAGES),
        status: "refused",
        createdAt: at,
        handledBy: store.members.managers(groupId)[0] ?? null,
        handledAt: at + rng.int(600, DAY),
        reason: rng.pick(REFUSE_REASONS),
      });
      added++;
    }
    store.applications.insert({
      groupId: waiting,
      requester: userId,
      message: rng.pick(APPLY_MESSAGES),
      status: "pending",
      createdAt: now - rng.int(600, DAY),
      handledBy: null,
      handledAt: null,
      reason: null,
    });
    added++;
  }
  return added;
}

/** Seeds the demo data when IM_DEMO=1 and the store holds nothing yet. */
export function seedIfEmpty(store: Store, config: ImServerConfig, now: number): boolean {
  if (!config.demo || !store.isEmpty()) return false;
  seedDemo(store, now);
  seedDemoMessages(store, now);
  return true;
}
