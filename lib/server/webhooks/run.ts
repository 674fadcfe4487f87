import "server-only";
import { ImError } from "@/lib/im/errors";
import type { LiveEventDraft } from "@/lib/schemas/live-event";
import { getContext } from "@/lib/server/platform/context";
import { refreshPendingCounts } from "@/lib/server/applications/pending-counts";
import { getDirectoryGroup, setPendingCounts } from "@/lib/server/directory";
import { applicationSource } from "@/lib/server/applications/current";
import { syncGroup } from "@/lib/server/groups/groups";
import { applyToInbox } from "./console-inbox";
import { publishEvent } from "@/lib/server/live/bus";
import { serially } from "./serial";
import { mirrorApplications } from "@/lib/server/applications/model/mirror";
import type { WebhookPlan } from "./plan";
import type { Application as ImApplication } from "@/lib/im/applications";
import { applyRulesOnArrival } from "@/lib/server/rules/arrival";
import { publishMessageSent } from "./message-events";
import { settledAsOwnEcho } from "./own-echoes";
import type { Mark } from "./admission";
import { allPendingRequesters } from "@/lib/server/applications/inbox/repo";
import { log } from "@/lib/server/platform/log";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Plans that wait for their group's turn; webhooks arriving meanwhile join them instead of queueing more reads. */
const holder = globalThis as typeof globalThis & { __liveWaiting?: Map<string, { plans: WebhookPlan[]; done: Promise<void> }> };
const waitingFor = () => (holder.__liveWaiting ??= new Map());

/**
 * Carries out one webhook's plan: the directory first, then the events, so a listener that refetches sees
 * the change. A busy group (a live room with joins every moment) costs one IM read per turn, not one per webhook.
 */
export async function runWebhookPlan(told: WebhookPlan): Promise<void> {
  const whole = await withoutStrangersMessages(told);
  // Messages are gathered per group (message-events.ts), never behind the group's re-reads.
  for (const event of whole.ifPresent) if (event.type === "message.sent") publishMessageSent(event);
  const plan = { ...whole, ifPresent: whole.ifPresent.filter((e) => e.type !== "message.sent") };
  // Where applications live is asked only for webhooks about them (and answered from memory after the first).
  const inbox = plan.inbox || plan.findApplication || plan.handledApplication ? (await applicationSource()).keepsInbox : false;
  const work = inbox ? plan.inbox : undefined;
  if (work) await serially(plan.groupId, () => applyToInbox(plan.groupId, plan.at, work));
  if (await settledAsOwnEcho(plan)) return;
  // The model's copy first, so a listener refetching on the event below reads the decision. With the console's
  // inbox there is no copy to refresh (and Tencent has no command to read it with).
  if (plan.handledApplication && !inbox) await copyHandledApplication(plan.handledApplication);
  if (plan.sync || plan.refreshPending || plan.ifPresent.length > 0) await inGroupBatch(plan);
  if (plan.findApplication && !inbox) await announceNewApplication(plan, plan.findApplication);
}

const isMessage = (e: LiveEventDraft) => e.type === "message.sent" || e.type === "message.recalled";

/**
 * A message of a group the directory does not hold is not told (docs/webhooks.md § Messages): the console shows
 * nothing of that group, so the event would only wake every open console for nothing. One read of the directory
 * per message webhook, by its key, and no IM call; a group the crawl learns later is told of from its next message.
 */
async function withoutStrangersMessages(plan: WebhookPlan): Promise<WebhookPlan> {
  if (!plan.ifPresent.some(isMessage) || (await getDirectoryGroup(getContext().db, plan.groupId))) return plan;
  return { ...plan, ifPresent: plan.ifPresent.filter((e) => !isMessage(e)) };
}

/**
 * A group marked at the full door instead of its webhooks being worked on (admission.ts): one re-read stands for
 * all of them, and `group.updated` for their events (listeners refetch per group). A member who joined may be a
 * requester approved in the app: the inbox settles every pending requester of the group who is in now.
 */
export async function rereadMarkedGroup(groupId: string, mark: Mark): Promise<void> {
  const at = new Date().toISOString();
  // The inbox's step failing leaves those applications to the next webhook or crawl; the group is re-read anyway.
  await settleMarkedJoins(groupId, at, mark).catch((err: unknown) =>
    log("error", "marked group's joined requesters not settled", { route: "/api/im/callback", groupId, error: err }),
  );
  await inGroupBatch({
    groupId,
    at,
    sync: true,
    refreshPending: true,
    ifPresent: [{ type: "group.updated", groupId, at }],
    ifGone: [{ type: "group.dismissed", groupId, at }],
  });
}

function inGroupBatch(plan: WebhookPlan): Promise<void> {
  const waiting = waitingFor();
  const batch = waiting.get(plan.groupId);
  if (batch) {
    batch.plans.push(plan);
    return batch.done;
  }
  const plans = [plan];
  const done = serially(plan.groupId, () => {
    waiting.delete(plan.groupId);
    return applyPlans(plan.groupId, plans);
  });
  waiting.set(plan.groupId, { plans, done });
  return done;
}

async function applyPlans(groupId: string, plans: WebhookPlan[]): Promise<void> {
  const present = plans.some((p) => p.sync) ? (await syncGroup(groupId)) !== null : true;
  if (present && plans.some((p) => p.refreshPending) && (await mayHavePending(groupId))) {
    const { db, im } = getContext();
    await refreshPendingCounts(db, im, groupId);
  }
  for (const p of plans) for (const event of present ? p.ifPresent : p.ifGone) publishEvent(event);
}

/** Joins to an open group (a live room's audience) need no application count: it is 0 and stays 0. */
async function mayHavePending(groupId: string): Promise<boolean> {
  const group = await getDirectoryGroup(getContext().db, groupId);
  return !group || group.joinOption === "NeedPermission" || Boolean(group.pendingApplications);
}

// An application is announced once even when both the Before and the After webhook report it.
const NEW_APPLICATION_SLACK_MS = 60_000;
const REMEMBER_MS = 10 * 60_000;

/** Whether this instance is the first (of all instances on the store) to announce the application. */
async function firstAnnouncement(applicationId: string): Promise<boolean> {
  const { db } = getContext();
  const now = Date.now();
  await db.run("DELETE FROM announced_applications WHERE at < ?", [now - REMEMBER_MS]);
  return (
    (await db.run("INSERT INTO announced_applications (id, at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", [applicationId, now])) === 1
  );
}

type Lookup = { kind: "found"; application: ImApplication } | { kind: "none" };

/**
 * The requester's application as the IM server has it, with the group's pending count refreshed: by its ID when
 * the webhook named it (a raid's application may be far down the group's list by the time its turn comes),
 * else among the group's newest.
 */
async function lookUp(groupId: string, find: NonNullable<WebhookPlan["findApplication"]>, since: number): Promise<Lookup> {
  const { db, im } = getContext();
  try {
    const page = await im.listApplications({ groupId, status: "pending", limit: find.applicationId ? 1 : 50 });
    await setPendingCounts(db, new Map([[groupId, page.total]]), { resetOthers: false });
    const named = find.applicationId ? await im.getApplication(find.applicationId) : null;
    const candidates = named ? [named] : page.items;
    // Into the applications model before anyone is told, so the queue they refetch has it.
    await mirrorApplications(db, candidates);
    // One read by ID must still be this group's and this requester's (the webhook's body is only a hint).
    const mine = candidates.find(
      (a) =>
        (!named || a.groupId === groupId) &&
        a.requesterId === find.requesterId &&
        a.status === "pending" &&
        Date.parse(a.createdAt) >= since,
    );
    return mine ? { kind: "found", application: mine } : { kind: "none" };
  } catch (err) {
    // The extension is gone after all (another server behind the same address): ask again next time.
    if (err instanceof ImError && err.code === 10003) {
      im.forgetCapabilities();
      return { kind: "none" };
    }
    if (err instanceof ImError && err.code === 10010) return { kind: "none" };
    throw err;
  }
}

async function announceNewApplication(plan: WebhookPlan, find: NonNullable<WebhookPlan["findApplication"]>) {
  // Only a group that needs approval keeps applications; anything else joins at once or refuses.
  const known = await getDirectoryGroup(getContext().db, plan.groupId);
  if (known && known.joinOption !== "NeedPermission") return;
  const since = Date.parse(plan.at) - NEW_APPLICATION_SLACK_MS;
  const event = (applicationId: string): LiveEventDraft => ({
    type: "application.created",
    groupId: plan.groupId,
    userId: find.requesterId,
    applicationId,
    at: plan.at,
  });
  for (const delay of find.delaysMs) {
    if (delay > 0) await sleep(delay);
    const found = await serially(plan.groupId, () => lookUp(plan.groupId, find, since));
    if (found.kind === "found") {
      // The first instance to hear of it applies the rules (once per arrival: applying again updates the same
      // application with a new time and message, which the rules see afresh), then tells everyone.
      if (await firstAnnouncement(`${found.application.id}@${found.application.createdAt}`)) {
        await applyRulesOnArrival(found.application);
        publishEvent(event(found.application.id));
      }
      return;
    }
  }
}

/** Local mode: an application was decided (in the app, or by this console): the model's copy follows. */
async function copyHandledApplication(id: string): Promise<void> {
  const { db, im } = getContext();
  try {
    const a = await im.getApplication(id);
    if (a) await mirrorApplications(db, [a]);
  } catch (err) {
    // The reconcile after the next crawl brings it in line; the event still goes out.
    if (!(err instanceof ImError)) throw err;
  }
}

async function settleMarkedJoins(groupId: string, at: string, mark: Mark): Promise<void> {
  if (!mark.joined || !(await applicationSource()).keepsInbox) return;
  const userIds = await allPendingRequesters(getContext().db, groupId);
  const work = { kind: "joined" as const, userIds, operator: "" };
  if (userIds.length > 0) await serially(groupId, () => applyToInbox(groupId, at, work));
}
