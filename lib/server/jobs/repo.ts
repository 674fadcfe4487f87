import "server-only";
import type { Job, JobFilter, JobState } from "@/lib/schemas/job";
import type { SqlValue, Store } from "@/lib/server/store/store";

/** A job as stored (docs/jobs.md): its tallies are counted from its items, never kept beside them. */
export type JobRow = {
  id: string;
  kind: Job["kind"];
  state: JobState;
  params: string;
  total: number | string;
  started_by_id: string;
  started_by: string;
  started_by_name: string;
  started_at: string;
  finished_at: string | null;
  cancel_requested: number | string;
  heartbeat_at: number | string | null;
};
/** `within`: the groups its starter was scoped to (docs/scopes.md § Jobs); absent when they saw every group. */
export type JobParams = { filter: JobFilter; reason?: string; force?: boolean; within?: string[] };
export type ItemState = "todo" | "trying" | "ok" | "failed";
export type JobItem = { position: number; applicationId: string };

const ERRORS_SHOWN = 100;
const INSERT_CHUNK = 500;

/** The job and every application it matched, in one transaction: a job never exists without its items. */
export async function insertJob(db: Store, row: Omit<JobRow, "finished_at" | "cancel_requested" | "heartbeat_at">, ids: string[]) {
  await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO jobs (id, kind, state, params, total, started_by_id, started_by, started_by_name, started_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.id, row.kind, row.state, row.params, row.total, row.started_by_id, row.started_by, row.started_by_name, row.started_at],
    );
    for (let from = 0; from < ids.length; from += INSERT_CHUNK) {
      const chunk = ids.slice(from, from + INSERT_CHUNK);
      const args: SqlValue[] = chunk.flatMap((id, i) => [row.id, from + i, id]);
      await tx.run(
        `INSERT INTO job_items (job_id, position, application_id, state) VALUES ${chunk.map(() => "(?, ?, ?, 'todo')").join(", ")}`,
        args,
      );
    }
  });
}

export const jobRow = (db: Store, id: string) => db.get<JobRow>("SELECT * FROM jobs WHERE id = ?", [id]);

/** The most recent jobs, newest first. */
export const recentJobRows = (db: Store, limit: number) =>
  db.all<JobRow>("SELECT * FROM jobs ORDER BY started_at DESC, id DESC LIMIT ?", [limit]);

/** Jobs some instance should be running (or resuming). */
export const unfinishedJobRows = (db: Store) =>
  db.all<JobRow>("SELECT * FROM jobs WHERE state IN ('queued','running') ORDER BY started_at");

/** The row as the API shows it, with tallies and the first failures read from its items. */
export async function toJob(db: Store, row: JobRow): Promise<Job> {
  const counts = await db.all<{ state: ItemState; n: number | string }>(
    "SELECT state, COUNT(*) AS n FROM job_items WHERE job_id = ? GROUP BY state",
    [row.id],
  );
  const count = (s: ItemState) => Number(counts.find((c) => c.state === s)?.n ?? 0);
  const failed = count("failed");
  const errors = failed
    ? await db.all<{ application_id: string; code: string | null; message: string | null }>(
        "SELECT application_id, code, message FROM job_items WHERE job_id = ? AND state = 'failed' ORDER BY position LIMIT ?",
        [row.id, ERRORS_SHOWN],
      )
    : [];
  const params = JSON.parse(row.params) as JobParams;
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    filter: params.filter,
    ...(params.reason ? { reason: params.reason } : {}),
    total: Number(row.total),
    done: count("ok") + failed,
    ok: count("ok"),
    failed,
    startedBy: row.started_by,
    startedByName: row.started_by_name,
    startedAt: row.started_at,
    ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
    cancelRequested: Number(row.cancel_requested) === 1,
    errors: errors.map((e) => ({ id: e.application_id, code: e.code ?? "internal", message: e.message ?? "" })),
  };
}

/** Moves a job from one state to another, only if it is still in one of `from` (answers whether it moved). */
export async function moveJob(db: Store, id: string, from: JobState[], to: JobState, finishedAt?: string): Promise<boolean> {
  const changed = await db.run(
    `UPDATE jobs SET state = ?, finished_at = COALESCE(?, finished_at) WHERE id = ? AND state IN (${from.map(() => "?").join(", ")})`,
    [to, finishedAt ?? null, id, ...from],
  );
  return changed === 1;
}

export const requestCancel = (db: Store, id: string) =>
  db.run("UPDATE jobs SET cancel_requested = 1 WHERE id = ? AND state IN ('queued','running')", [id]);

export const beat = (db: Store, id: string, now = Date.now()) => db.run("UPDATE jobs SET heartbeat_at = ? WHERE id = ?", [now, id]);

/** The next items still to do, in the job's order. */
export const nextTodo = (db: Store, jobId: string, limit: number) =>
  db
    .all<{
      position: number | string;
      application_id: string;
    }>("SELECT position, application_id FROM job_items WHERE job_id = ? AND state = 'todo' ORDER BY position LIMIT ?", [jobId, limit])
    .then((rows) => rows.map((r): JobItem => ({ position: Number(r.position), applicationId: r.application_id })));

/** Items that were being decided when their runner stopped: whether the IM server decided them is not known here. */
export const tryingItems = (db: Store, jobId: string) =>
  db
    .all<{
      position: number | string;
      application_id: string;
    }>("SELECT position, application_id FROM job_items WHERE job_id = ? AND state = 'trying' ORDER BY position", [jobId])
    .then((rows) => rows.map((r): JobItem => ({ position: Number(r.position), applicationId: r.application_id })));

/** Moves one item if it is still in `from`: the one write that makes an item be decided at most once. */
export async function moveItem(
  db: Store,
  jobId: string,
  position: number,
  from: ItemState,
  to: ItemState,
  error?: { code: string; message: string },
): Promise<boolean> {
  const changed = await db.run("UPDATE job_items SET state = ?, code = ?, message = ? WHERE job_id = ? AND position = ? AND state = ?", [
    to,
    error?.code ?? null,
    error?.message ?? null,
    jobId,
    position,
    from,
  ]);
  return changed === 1;
}

/** Whether anything is left to do or being done. */
export async function hasOpenItems(db: Store, jobId: string): Promise<boolean> {
  const row = await db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM job_items WHERE job_id = ? AND state IN ('todo','trying')", [
    jobId,
  ]);
  return Number(row?.n ?? 0) > 0;
}
