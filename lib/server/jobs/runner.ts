import "server-only";
import { randomUUID } from "node:crypto";
import { ImError } from "@/lib/im/errors";
import { roleAtLeast } from "@/lib/schemas/user";
import { applicationStatus, decideForJob, toResultError } from "@/lib/server/applications/service";
import { publishEvent } from "@/lib/server/live/bus";
import type { Actor } from "@/lib/server/platform/actor";
import { getContext } from "@/lib/server/platform/context";
import { releaseLease, takeLease } from "@/lib/server/platform/lease";
import { log } from "@/lib/server/platform/log";
import type { Store } from "@/lib/server/store/store";
import { findUserById } from "@/lib/server/users/repo";
import {
  beat,
  hasOpenItems,
  jobRow,
  moveItem,
  moveJob,
  nextTodo,
  tryingItems,
  unfinishedJobRows,
  type JobItem,
  type JobParams,
  type JobRow,
} from "./repo";

/** Decisions in flight per job: enough to use the gateway's whole rate budget; the limiter sets the pace. */
const CONCURRENCY = 8;
const LEASE_MS = 15_000;
const BEAT_EVERY_MS = 2_000;
/** `job.progress` at most 4 times a second per job (docs/contracts.md § Jobs). */
const PROGRESS_EVERY_MS = 250;
/** A job found running whose runner stopped longer ago than this is not resumed: it says "interrupted". */
export const RESUME_WITHIN_MS = 10 * 60_000;
/** An IM server that stays unreachable this long fails the job (what is left stays pending). */
const GIVE_UP_AFTER_MS = 60_000;
const POLL_MS = 2_000;

const holder = globalThis as typeof globalThis & { __jobRunner?: { kick: () => void; running: Set<string> } };

/** Looks for jobs to run now, instead of at the next poll (a job was just started). */
export function kickJobs() {
  holder.__jobRunner?.kick();
}

/**
 * Runs the deployment's jobs from this instance (docs/jobs.md): each job is run by the instance holding its
 * lease; one that died lets the lease lapse, and another instance (or this one, restarted) resumes it.
 */
export function startJobRunner() {
  if (holder.__jobRunner) return;
  const running = new Set<string>();
  const me = randomUUID();
  let looking = false;
  const look = async () => {
    if (looking) return;
    looking = true;
    try {
      const { db } = getContext();
      for (const row of await unfinishedJobRows(db)) {
        if (running.has(row.id) || !(await takeLease(db, lease(row.id), me, LEASE_MS))) continue;
        running.add(row.id);
        void runJob(db, row, me)
          .catch((err: unknown) => log("error", "job failed", { jobId: row.id, error: err }))
          .finally(() => {
            running.delete(row.id);
            void releaseLease(db, lease(row.id), me).catch(() => undefined);
          });
      }
    } catch (err) {
      log("warn", "looking for jobs failed", { error: err });
    } finally {
      looking = false;
    }
  };
  holder.__jobRunner = { kick: () => void look(), running };
  setInterval(() => void look(), POLL_MS).unref();
  void look();
}

const lease = (jobId: string) => `job:${jobId}`;
const now = () => new Date().toISOString();

/** Runs (or resumes) one job to its end, while this instance holds its lease. */
export async function runJob(db: Store, row: JobRow, me: string, clock = Date.now): Promise<void> {
  const params = JSON.parse(row.params) as JobParams;
  const approve = row.kind === "applications.approve";
  const progress = throttledProgress(row.id);
  // Items whose decision was under way when a runner stopped: asked of the IM server before anything else.
  await settleUncertain(db, row, approve);
  const lastSeen = row.heartbeat_at !== null ? Number(row.heartbeat_at) : Date.parse(row.started_at);
  const left = clock() - lastSeen > RESUME_WITHIN_MS;
  const starter = await findUserById(db, row.started_by_id);
  const mayModerate = !!starter && !starter.disabled && roleAtLeast(starter.role, "moderator");
  if (left || !mayModerate) {
    await moveJob(db, row.id, ["queued", "running"], "interrupted", now());
    progress.now();
    log("warn", "job interrupted", { jobId: row.id, why: left ? "left too long" : "its starter may no longer moderate" });
    return;
  }
  if (row.state === "queued" && !(await moveJob(db, row.id, ["queued"], "running"))) return;
  await beat(db, row.id, clock());
  progress.now();
  const actor: Actor = {
    // The starter's scope as it is now: an application outside it fails as unknown (docs/scopes.md § Jobs).
    user: { id: starter.id, email: starter.email, name: starter.name, role: starter.role, scope: starter.scope ?? null },
    requestId: `job:${row.id}`,
    ip: null,
  };

  let unreachableSince: number | null = null;
  let lastBeat = clock();
  for (;;) {
    const current = await jobRow(db, row.id);
    if (!current || current.state !== "running") return progress.now();
    if (Number(current.cancel_requested) === 1) {
      await moveJob(db, row.id, ["running"], "cancelled", now());
      return progress.now();
    }
    if (clock() - lastBeat >= BEAT_EVERY_MS) {
      lastBeat = clock();
      if (!(await takeLease(db, lease(row.id), me, LEASE_MS))) return; // another instance took it over
      await beat(db, row.id, lastBeat);
    }
    const batch = await nextTodo(db, row.id, CONCURRENCY);
    let outcomes: Outcome[];
    if (batch.length > 0) outcomes = await Promise.all(batch.map((item) => decideOne(db, row.id, item, { approve, ...params }, actor)));
    else if (!(await hasOpenItems(db, row.id))) {
      await moveJob(db, row.id, ["running"], "done", now());
      return progress.now();
    } else {
      // Only items whose outcome the IM server has not told yet are left: ask again.
      const waiting = await tryingItems(db, row.id);
      outcomes = await Promise.all(
        waiting.map((item) =>
          settleItem(db, row.id, item, approve).then(
            (ok) => (ok ? "decided" : "unreachable"),
            () => "unreachable" as const,
          ),
        ),
      );
    }
    progress.soon();
    if (outcomes.includes("unreachable")) {
      unreachableSince ??= clock();
      if (clock() - unreachableSince > GIVE_UP_AFTER_MS) {
        await settleUncertain(db, row, approve);
        await moveJob(db, row.id, ["running"], "failed", now());
        return progress.now();
      }
      await new Promise((r) => setTimeout(r, 1_000));
    } else unreachableSince = null;
  }
}

type Outcome = "decided" | "failed" | "unreachable" | "skipped";

/** One application: marked as being decided first (once only), then decided, then marked with its result. */
async function decideOne(
  db: Store,
  jobId: string,
  item: JobItem,
  { approve, reason, force }: JobParams & { approve: boolean },
  actor: Actor,
): Promise<Outcome> {
  if (!(await moveItem(db, jobId, item.position, "todo", "trying"))) return "skipped";
  try {
    await decideForJob({ id: item.applicationId, approve, reason, force }, actor);
    await moveItem(db, jobId, item.position, "trying", "ok");
    return "decided";
  } catch (err) {
    if (err instanceof ImError && (err.unavailable || err.outcomeUnknown || err.rateLimited)) {
      // Whether the IM server decided it is not known: it stays "trying" until the IM server says.
      const settled = await settleItem(db, jobId, item, approve).catch(() => false);
      return settled ? "decided" : "unreachable";
    }
    const { code, message } = toResultError(err);
    await moveItem(db, jobId, item.position, "trying", "failed", { code, message });
    return "failed";
  }
}

/** Settles every item left "trying" by a runner that stopped (a crash, a lost lease). */
async function settleUncertain(db: Store, row: JobRow, approve: boolean) {
  for (const item of await tryingItems(db, row.id)) {
    if (!(await settleItem(db, row.id, item, approve).catch(() => false)))
      await moveItem(db, row.id, item.position, "trying", "failed", {
        code: "im_unavailable",
        message: "Not known whether it was decided: the IM server did not answer. Look at the application",
      });
  }
}

/**
 * What the IM server says of an application whose decision's answer was lost: still pending goes back to do;
 * decided as the job decides counts as done (the audit log says by whom); otherwise someone else decided it.
 * Answers false when the IM server cannot say now.
 */
async function settleItem(db: Store, jobId: string, item: JobItem, approve: boolean): Promise<boolean> {
  const found = await applicationStatus(item.applicationId);
  if (found?.status === "pending") return moveItem(db, jobId, item.position, "trying", "todo").then(() => true);
  if (found?.status === (approve ? "approved" : "refused")) return moveItem(db, jobId, item.position, "trying", "ok").then(() => true);
  await moveItem(db, jobId, item.position, "trying", "failed", {
    code: found ? "conflict" : "not_found",
    message: found ? "This application has already been handled" : "There is no application with that ID",
  });
  return true;
}

/** `job.progress` for one job, at most every 250 ms, and at once when its state changes. */
function throttledProgress(jobId: string) {
  let last = 0;
  let timer: NodeJS.Timeout | undefined;
  const send = () => {
    clearTimeout(timer);
    timer = undefined;
    last = Date.now();
    publishEvent({ type: "job.progress", jobId });
  };
  return {
    now: send,
    soon: () => {
      if (timer) return;
      const wait = PROGRESS_EVERY_MS - (Date.now() - last);
      if (wait <= 0) send();
      else timer = setTimeout(send, wait);
    },
  };
}
