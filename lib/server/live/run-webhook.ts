import "server-only";
import { ImError } from "@/lib/im/errors";
import type { LiveEventDraft } from "@/lib/schemas/live-event";
import { getContext } from "../context";
import { getDirectoryGroup, refreshPendingCounts } from "../directory";
import { setPendingCounts } from "../directory/repo";
import { syncGroup } from "../groups-service";
import { publishEvent } from "./bus";
import { serially } from "./serial";
import type { WebhookPlan } from "./webhook-plan";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Carries out one webhook's plan: directory first, then the events, so a listener that refetches sees the change. */
export async function runWebhookPlan(plan: WebhookPlan): Promise<void> {
  await serially(plan.groupId, async () => {
    const present = plan.sync ? (await syncGroup(plan.groupId)) !== null : true;
    if (present && plan.refreshPending) {
      const { db, im } = getContext();
      await refreshPendingCounts(db, im, plan.groupId);
    }
    for (const event of present ? plan.ifPresent : plan.ifGone) publishEvent(event);
  });
  if (plan.findApplication) await announceNewApplication(plan, plan.findApplication);
}

// An application is announced once even when both the Before and the After webhook report it.
const NEW_APPLICATION_SLACK_MS = 60_000;
const REMEMBER_MS = 10 * 60_000;
const holder = globalThis as typeof globalThis & { __liveAnnounced?: Map<string, number> };

function firstAnnouncement(applicationId: string): boolean {
  const seen = (holder.__liveAnnounced ??= new Map());
  const now = Date.now();
  for (const [id, t] of seen) if (t < now - REMEMBER_MS) seen.delete(id);
  if (seen.has(applicationId)) return false;
  seen.set(applicationId, now);
  return true;
}

type Lookup = { kind: "found"; id: string } | { kind: "none" } | { kind: "unsupported" };

/** The requester's application as the IM server has it (newest first), with the group's pending count refreshed. */
async function lookUp(groupId: string, requesterId: string, since: number): Promise<Lookup> {
  const { db, im } = getContext();
  try {
    const page = await im.listApplications({ groupId, status: "pending", limit: 50 });
    setPendingCounts(db, new Map([[groupId, page.total]]), { resetOthers: false });
    const mine = page.items.find((a) => a.requesterId === requesterId && Date.parse(a.createdAt) >= since);
    return mine ? { kind: "found", id: mine.id } : { kind: "none" };
  } catch (err) {
    if (err instanceof ImError && err.code === 10003) return { kind: "unsupported" };
    if (err instanceof ImError && err.code === 10010) return { kind: "none" };
    throw err;
  }
}

async function announceNewApplication(plan: WebhookPlan, find: NonNullable<WebhookPlan["findApplication"]>) {
  const since = Date.parse(plan.at) - NEW_APPLICATION_SLACK_MS;
  const event = (applicationId?: string): LiveEventDraft => ({
    type: "application.created",
    groupId: plan.groupId,
    userId: find.requesterId,
    ...(applicationId ? { applicationId } : {}),
    at: plan.at,
  });
  for (const delay of find.delaysMs) {
    if (delay > 0) await sleep(delay);
    const found = await serially(plan.groupId, () => lookUp(plan.groupId, find.requesterId, since));
    if (found.kind === "found") {
      if (firstAnnouncement(found.id)) publishEvent(event(found.id));
      return;
    }
    if (found.kind === "unsupported") {
      // Tencent keeps applications SDK-only: a group that needs approval is the best evidence there is.
      if (getDirectoryGroup(getContext().db, plan.groupId)?.joinOption === "NeedPermission") publishEvent(event());
      return;
    }
  }
}
