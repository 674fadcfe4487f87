// Demo traffic (IM_SIMULATOR_RATE actions per minute): app users apply to Public groups that need
// approval, join free groups, sometimes leave, and owners/admins now and then settle an application
// from their phone — through the same services as the client API, so listener events and webhooks
// fire exactly as for a real phone. Now and then a burst of new accounts applies to one group at once,
// as in a raid, so the console's raid tools and burst alerts have something to show. Members also chat
// (simulator-chat.ts).
import type { FastifyBaseLogger } from "fastify";
import { ImServerError } from "../domain/errors";
import { APPLY_MESSAGES, ENGLISH_GIVEN } from "../seed/demo-names";
import { importAccount } from "./accounts";
import type { Actor, ServiceContext } from "./context";
import { handleApplication } from "./applications";
import { joinGroup, quitGroup } from "./membership";
import { CHAT_SHARE, simulateChat } from "./simulator-chat";

const PLATFORMS = ["Android", "iOS", "Android", "iOS", "Web"];

function pick<T>(items: readonly T[], random: () => number): T | undefined {
  return items.length ? items[Math.floor(random() * items.length)] : undefined;
}

function phone(userId: string, random: () => number): Actor {
  return { userId, viaRest: false, platform: pick(PLATFORMS, random)!, clientIp: "127.0.0.1" };
}

/** One simulated action; returns what happened (for logs and tests) or null when nothing fit. */
export async function simulateOnce(ctx: ServiceContext, random: () => number = Math.random): Promise<string | null> {
  const { groups, members, applications, accounts } = ctx.store;
  const roll = random();
  try {
    if (roll < 0.35) {
      const groupId = pick(groups.liveIdsOfTypes(["Public"], "NeedPermission"), random);
      if (!groupId) return null;
      // Now and then someone refused elsewhere tries again here, as real applicants do.
      const refusedBefore = random() < 0.3 ? applications.list({ status: "refused", limit: 50 }).map((a) => a.requester) : [];
      const candidates = [...refusedBefore, ...accounts.sample(20)];
      const userId = candidates.find((id) => !members.role(groupId, id) && !applications.pendingFor(groupId, id));
      if (!userId) return null;
      await joinGroup(ctx, phone(userId, random), groupId, pick(APPLY_MESSAGES, random)!);
      return `${userId} applied to ${groupId}`;
    }
    if (roll < 0.6) {
      const free = [...groups.liveIdsOfTypes(["ChatRoom", "Community", "AVChatRoom"]), ...groups.liveIdsOfTypes(["Public"], "FreeAccess")];
      const groupId = pick(free, random);
      if (!groupId) return null;
      const userId = accounts.sample(20).find((id) => !members.role(groupId, id));
      if (!userId) return null;
      await joinGroup(ctx, phone(userId, random), groupId, "");
      return `${userId} joined ${groupId}`;
    }
    if (roll < 0.8) {
      // The oldest pending applications get handled first, as a diligent admin would.
      const oldest = applications.list({ status: "pending", limit: 200 }).reverse().slice(0, 5);
      const application = pick(oldest, random);
      if (!application) return null;
      const handler = pick(members.managers(application.groupId), random);
      if (!handler) return null;
      const decision = random() < 0.7 ? "Agree" : "Reject";
      handleApplication(ctx, phone(handler, random), {
        applicationId: application.id,
        decision,
        message: "",
        handler,
        requireManager: handler,
      });
      return `${handler} ${decision === "Agree" ? "approved" : "refused"} application ${application.id}`;
    }
    const groupId = pick(groups.liveIdsOfTypes(["Public", "ChatRoom", "Community", "AVChatRoom"]), random);
    if (!groupId) return null;
    const leaver = pick(
      members.list(groupId).filter((m) => m.role !== "Owner"),
      random,
    );
    if (!leaver) return null;
    quitGroup(ctx, phone(leaver.userId, random), groupId);
    return `${leaver.userId} left ${groupId}`;
  } catch (error) {
    // A full group or a refusing webhook is a normal outcome for a simulated user.
    if (error instanceof ImServerError) return `refused ${error.code}: ${error.info}`;
    throw error;
  }
}

/** A burst: this many applications, more than the console's default burst alert (30 in a minute)… */
export const BURST_SIZE = { min: 32, max: 44 } as const;
/** …spread over a few seconds… */
const BURST_SPREAD_MS = 4_000;
/** …once every this many minutes on average, whatever the rate of the ordinary actions. */
export const BURST_EVERY_MINUTES = 5;

/** The chance that one tick of a simulator running `rate` actions a minute is a burst. */
export const burstChance = (rate: number) => (rate > 0 ? Math.min(1, 1 / (rate * BURST_EVERY_MINUTES)) : 0);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A raid on one Public group that needs approval: freshly made accounts with throwaway names apply to it
 * within a few seconds. Returns what happened, or null when no group fits.
 */
export async function simulateBurst(
  ctx: ServiceContext,
  random: () => number = Math.random,
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<string | null> {
  const { groups, members } = ctx.store;
  // A group with room: applying to a full one is refused at once, and there would be nothing to see.
  const open = groups.liveIdsOfTypes(["Public"], "NeedPermission").filter((id) => members.count(id) < (groups.get(id)?.maxMembers ?? 0));
  const groupId = pick(open, random);
  if (!groupId) return null;
  const size = BURST_SIZE.min + Math.floor(random() * (BURST_SIZE.max - BURST_SIZE.min + 1));
  const batch = ctx.now().toString(36);
  let applied = 0;
  for (let i = 0; i < size; i++) {
    const userId = `raid_${batch}_${i}`;
    importAccount(ctx, userId, `${pick(ENGLISH_GIVEN, random)}${Math.floor(random() * 9000) + 1000}`);
    try {
      await joinGroup(ctx, phone(userId, random), groupId, pick(APPLY_MESSAGES, random)!);
      applied++;
    } catch (error) {
      // The group filled up, or a webhook refused: the raid goes on with the next account.
      if (!(error instanceof ImServerError)) throw error;
    }
    await wait(BURST_SPREAD_MS / size);
  }
  return `${applied} new accounts applied to ${groupId} in a burst`;
}

export function startSimulator(ctx: ServiceContext, log: FastifyBaseLogger): () => void {
  const rate = ctx.config.simulatorRate;
  if (!rate) return () => {};
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    // A burst takes a few seconds; the ticks that fall in it are skipped, as for any action still running.
    // Chatter takes a share of the ordinary ticks (reading messages is what a console is watched for).
    const roll = Math.random();
    (roll < burstChance(rate) ? simulateBurst(ctx) : roll < burstChance(rate) + CHAT_SHARE ? simulateChat(ctx) : simulateOnce(ctx))
      .then((what) => what && log.debug({ simulator: what }, "simulated user action"))
      .catch((error: unknown) => log.error({ err: error }, "simulator failed"))
      .finally(() => {
        busy = false;
      });
  }, 60_000 / rate);
  timer.unref();
  return () => clearInterval(timer);
}
