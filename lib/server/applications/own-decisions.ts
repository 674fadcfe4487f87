import "server-only";
import type { Application } from "@/lib/schemas/application";

/**
 * The console's own decisions, remembered for a short while so that the webhooks which follow them (in local
 * mode AfterHandleJoinApplication and AfterNewMemberJoin, in Tencent mode AfterNewMemberJoin) need not re-read
 * what the console already knows (docs/webhooks.md § The console's own decisions). Per process: a webhook that
 * reaches another instance finds nothing here and re-reads, as before.
 */
export type OwnDecision = {
  applicationId: string;
  groupId: string;
  requesterId: string;
  status: Application["status"];
  /** When the decision was sent to the IM server: a directory read older than this cannot include its effect. */
  sentAt: string;
};

/**
 * Longer than a webhook takes to follow its decision, even at the back of a bulk's queue on a starved machine
 * (30 s was not: at load 14 a bulk's webhooks were worked on more than 30 s after their decisions). At most a
 * couple of minutes of decisions at 200 a second: some 24,000 small entries.
 */
export const REMEMBER_OWN_MS = 120_000;

type Kept = OwnDecision & { until: number };
type Memory = { inFlight: Set<Promise<unknown>>; byId: Map<string, Kept>; byMember: Map<string, Kept> };

// Shared by every bundle of the process, like the bus: the approvals and the webhook route are separate bundles.
const holder = globalThis as typeof globalThis & { __ownDecisions?: Memory };
const memory = (): Memory => (holder.__ownDecisions ??= { inFlight: new Set(), byId: new Map(), byMember: new Map() });

const memberKey = (groupId: string, userId: string) => `${groupId}\u0000${userId}`;

function forgetExpired(map: Map<string, Kept>, now: number) {
  // Insertion order is time order: stop at the first one still remembered.
  for (const [key, kept] of map) {
    if (kept.until > now) break;
    map.delete(key);
  }
}

/**
 * Runs the IM call that decides an application and remembers what it decided. While it runs it counts as in
 * flight, so a webhook that overtakes the answer can wait for it (`ownDecisionsSettled`) instead of re-reading.
 */
export async function deciding<T extends Pick<Application, "id" | "groupId" | "requesterId" | "status">>(
  work: () => Promise<T>,
  now: () => number = Date.now,
): Promise<T> {
  const { inFlight, byId, byMember } = memory();
  const sentAt = new Date(now()).toISOString();
  const running = work();
  const tracked = running.catch(() => undefined);
  inFlight.add(tracked);
  try {
    const a = await running;
    const t = now();
    forgetExpired(byId, t);
    forgetExpired(byMember, t);
    const kept: Kept = {
      applicationId: a.id,
      groupId: a.groupId,
      requesterId: a.requesterId,
      status: a.status,
      sentAt,
      until: t + REMEMBER_OWN_MS,
    };
    // Deleted first, so that a key set again moves to the end and the time order holds.
    byId.delete(a.id);
    byId.set(a.id, kept);
    if (a.status === "approved") {
      byMember.delete(memberKey(a.groupId, a.requesterId));
      byMember.set(memberKey(a.groupId, a.requesterId), kept);
    }
    return a;
  } finally {
    inFlight.delete(tracked);
  }
}

/** Waits for the decisions in flight right now (not those started later): their answers are on their way. */
export async function ownDecisionsSettled(): Promise<void> {
  await Promise.all(memory().inFlight);
}

/**
 * The console's own decision of this application, taken once: the webhook that reports it adds nothing, and a
 * second webhook naming the same application (a replay with a new body) is treated as news.
 */
export function takeOwnDecision(applicationId: string, now = Date.now()): OwnDecision | null {
  const kept = memory().byId.get(applicationId);
  if (!kept || kept.until <= now) return null;
  memory().byId.delete(applicationId);
  return kept;
}

/**
 * The console's own approvals that let exactly these users into the group, taken once; null (and nothing taken)
 * unless every one of them is such an approval.
 */
export function takeOwnApprovals(groupId: string, userIds: readonly string[], now = Date.now()): OwnDecision[] | null {
  const { byMember } = memory();
  if (userIds.length === 0) return null;
  const found = userIds.map((u) => byMember.get(memberKey(groupId, u)));
  if (found.some((k) => !k || k.until <= now)) return null;
  for (const u of userIds) byMember.delete(memberKey(groupId, u));
  return found as Kept[];
}
