// Reclaims groups nobody touched for IM_RECYCLE_AFTER_DAYS (or _SECONDS): members hear
// onGroupRecycled and the app gets AfterGroupDestroyed, as when Tencent recycles a group.
import type { FastifyBaseLogger } from "fastify";
import { ImServerError } from "../domain/errors";
import type { Actor, ServiceContext } from "./context";
import { destroyGroup } from "./groups";

/** Tencent's sender name for system-originated group events. */
export const SYSTEM_ACCOUNT = "@TIM#SYSTEM";

export function recycleIdleGroups(ctx: ServiceContext, idleSeconds: number): string[] {
  const system: Actor = { userId: SYSTEM_ACCOUNT, viaRest: true, platform: "RESTAPI", clientIp: "127.0.0.1" };
  const recycled: string[] = [];
  for (const groupId of ctx.store.groups.idleSince(ctx.now() - idleSeconds)) {
    try {
      destroyGroup(ctx, system, groupId, "recycled");
      recycled.push(groupId);
    } catch (error) {
      // Dismissed meanwhile by someone else: nothing left to reclaim.
      if (!(error instanceof ImServerError)) throw error;
    }
  }
  return recycled;
}

/** Starts the periodic sweep when recycling is configured; returns a stop function. */
export function startRecycler(ctx: ServiceContext, log: FastifyBaseLogger): () => void {
  const idleSeconds = ctx.config.recycleAfterSeconds;
  if (idleSeconds === undefined) return () => {};
  const everyMs = Math.min(60_000, Math.max(500, (idleSeconds * 1000) / 4));
  const timer = setInterval(() => {
    try {
      const recycled = recycleIdleGroups(ctx, idleSeconds);
      if (recycled.length) log.info({ recycled }, "recycled idle groups");
    } catch (error) {
      log.error({ err: error }, "recycling failed");
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
