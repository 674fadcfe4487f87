import { describe, expect, it } from "vitest";
import type { TestServer } from "@/im-server/test/helpers";
import type { ImGateway } from "@/lib/im/gateway";
import type { LiveEvent } from "@/lib/schemas/live-event";
import type { Role, SessionUser } from "@/lib/schemas/user";
import { claimApplication, listApplications } from "@/lib/server/applications/service";
import { getBus } from "@/lib/server/live/bus";
import type { Actor } from "@/lib/server/platform/actor";
import { applyThroughIm, applyThroughInbox, refusal, type Apply } from "@/lib/server/testing/applications";
import type { TestStore } from "@/lib/server/store/test-stores";
import { consoleOverImServer } from "@/lib/server/testing/strict-console";
import { jobRow } from "./repo";
import { runJob } from "./runner";
import { cancelJob, getJob, startJob } from "./service";

// A raid of join requests refused as one job (docs/jobs.md), over both back ends: the IDs are fixed when it
// starts, each application is decided once, what another moderator holds is skipped, and a job left half-done
// by a crash is resumed without deciding anything twice — or says it was interrupted.

let seq = 0;

function suite(backEnd: string, strictTencent: boolean, apply: Apply) {
  describe(`jobs, ${backEnd}`, () => {
    let c!: { im: TestServer; gateway: ImGateway; db: TestStore };
    consoleOverImServer({ strictTencent }, (started) => (c = started));

    const user = async (name: string, role: Role = "moderator"): Promise<Actor> => {
      const email = `${name}.${++seq}@jobs.test`;
      const row = await c.db.get<{ id: number }>(
        "INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, 'x', ?) RETURNING id",
        [email, name, role, new Date().toISOString()],
      );
      return { user: { id: String(row!.id), email, name, role } as SessionUser, requestId: `req-${seq}`, ip: null };
    };
    async function raid(n: number): Promise<{ groupId: string; ids: string[] }> {
      const groupId = await c.gateway.createGroup({ type: "Public", name: `Raid ${backEnd} ${++seq}`, joinOption: "NeedPermission" });
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const userId = `raider_${strictTencent ? "s" : "x"}_${seq}_${i}`;
        await c.im.rest("im_open_login_svc/account_import", { UserID: userId });
        ids.push(await apply(c, groupId, userId));
      }
      return { groupId, ids };
    }
    const run = async (jobId: string) => runJob(c.db, (await jobRow(c.db, jobId))!, "test-runner");
    const statuses = async (groupId: string) =>
      (await listApplications({ groupId, status: "all", sort: "oldest", limit: 100 }, null)).items.map((a) => a.status);

    it("refuses every application the filter matched when it started, with a result per application and progress events", async () => {
      const aiko = await user("Aiko");
      const { groupId, ids } = await raid(6);
      const events: LiveEvent[] = [];
      const stop = getBus().subscribe((e) => void events.push(e));
      const job = await startJob({ filter: { groupId }, action: "refuse", reason: "Spam wave", expectTotal: 6 }, aiko);
      expect(job).toMatchObject({
        state: "queued",
        total: 6,
        done: 0,
        startedBy: aiko.user.email,
        startedByName: "Aiko",
        kind: "applications.refuse",
      });
      // One more arrives after the job started: it is not the job's to decide.
      const latecomer = `late_${strictTencent ? "s" : "x"}_${seq}`;
      await c.im.rest("im_open_login_svc/account_import", { UserID: latecomer });
      const late = await apply(c, groupId, latecomer);
      await run(job.id);
      stop();
      const done = (await getJob(job.id))!;
      expect(done).toMatchObject({ state: "done", total: 6, done: 6, ok: 6, failed: 0, errors: [] });
      expect(done.finishedAt).toBeDefined();
      const all = await listApplications({ groupId, status: "all", sort: "oldest", limit: 100 }, null);
      expect(all.items.filter((a) => ids.includes(a.id)).map((a) => [a.status, a.reason])).toEqual(ids.map(() => ["refused", "Spam wave"]));
      expect(all.items.find((a) => a.id === late)?.status).toBe("pending");
      expect(events.filter((e) => e.type === "job.progress" && e.jobId === job.id).length).toBeGreaterThanOrEqual(2);
      const audit = await c.db.all<{ action: string; target: string; result: string }>(
        "SELECT action, target, result FROM audit WHERE request_id = ? ORDER BY id",
        [`job:${job.id}`],
      );
      expect(audit.map((a) => [a.action, a.result]).sort()).toEqual(ids.map(() => ["application.refuse", "ok"]));
    });

    it("asks again when the view grew (409 stale with the new total) and starts nothing", async () => {
      const aiko = await user("Aiko");
      const { groupId } = await raid(3);
      const err = await refusal(startJob({ filter: { groupId }, action: "refuse", expectTotal: 2 }, aiko));
      expect([err.status, err.code, err.details]).toEqual([409, "stale", { total: 3 }]);
      const none = await refusal(startJob({ filter: { groupId: "@TGS#nothing-here" }, action: "refuse" }, aiko));
      expect([none.status, none.code]).toEqual([422, "validation"]);
      expect(await statuses(groupId)).toEqual(["pending", "pending", "pending"]);
    });

    it("skips what another moderator is reviewing (a claimed failure) unless forced", async () => {
      const [aiko, ben] = [await user("Aiko"), await user("Ben")];
      const { groupId, ids } = await raid(3);
      await claimApplication({ id: ids[1] }, aiko);
      const job = await startJob({ filter: { groupId }, action: "approve" }, ben);
      await run(job.id);
      const done = (await getJob(job.id))!;
      expect(done).toMatchObject({ state: "done", ok: 2, failed: 1 });
      expect(done.errors).toEqual([expect.objectContaining({ id: ids[1], code: "claimed" })]);
      const forced = await startJob({ filter: { groupId }, action: "approve", force: true }, ben);
      await run(forced.id);
      expect(await getJob(forced.id)).toMatchObject({ state: "done", ok: 1, failed: 0 });
    });

    it("a cancel stops it before its next application (what is done stays done); only its starter or an admin may; twice is 409", async () => {
      const [aiko, ben, admin] = [await user("Aiko"), await user("Ben"), await user("Root", "admin")];
      const { groupId } = await raid(3);
      const job = await startJob({ filter: { groupId }, action: "refuse" }, aiko);
      expect((await refusal(cancelJob({ id: job.id }, ben))).status).toBe(403);
      const cancelled = await cancelJob({ id: job.id }, aiko);
      expect(cancelled).toMatchObject({ state: "cancelled", cancelRequested: true, done: 0 });
      await run(job.id);
      expect(await statuses(groupId)).toEqual(["pending", "pending", "pending"]);
      const again = await refusal(cancelJob({ id: job.id }, admin));
      expect([again.status, again.code]).toEqual([409, "conflict"]);
      expect((await refusal(cancelJob({ id: "no-such-job" }, admin))).status).toBe(404);
    });

    it("resumes after a crash: what the IM server decided counts as done, what it did not is decided now, nothing twice", async () => {
      const aiko = await user("Aiko");
      const { groupId, ids } = await raid(4);
      const job = await startJob({ filter: { groupId }, action: "refuse" }, aiko);
      // The crash: the runner had marked the first two as being decided; only the first reached the IM server.
      await c.db.run("UPDATE jobs SET state = 'running', heartbeat_at = ? WHERE id = ?", [Date.now() - 20_000, job.id]);
      await c.db.run("UPDATE job_items SET state = 'trying' WHERE job_id = ? AND position IN (0, 1)", [job.id]);
      const { handleApplication } = await import("@/lib/server/applications/service");
      await handleApplication({ id: ids[0], approve: false }, aiko);
      await run(job.id);
      expect(await getJob(job.id)).toMatchObject({ state: "done", ok: 4, failed: 0 });
      expect(await statuses(groupId)).toEqual(["refused", "refused", "refused", "refused"]);
      const decisions = await c.db.all<{ target: string; n: number }>(
        "SELECT target, COUNT(*) AS n FROM audit WHERE action = 'application.refuse' AND result = 'ok' AND target IN (?, ?, ?, ?) GROUP BY target",
        ids,
      );
      expect(decisions.map((d) => Number(d.n))).toEqual([1, 1, 1, 1]);
    });

    it("a job left for longer than ten minutes, or whose starter may no longer moderate, says interrupted and decides nothing more", async () => {
      const [aiko, ben] = [await user("Aiko"), await user("Ben")];
      const { groupId } = await raid(2);
      const left = await startJob({ filter: { groupId }, action: "refuse" }, aiko);
      await c.db.run("UPDATE jobs SET state = 'running', heartbeat_at = ? WHERE id = ?", [Date.now() - 11 * 60_000, left.id]);
      await run(left.id);
      expect(await getJob(left.id)).toMatchObject({ state: "interrupted", done: 0 });
      const demoted = await startJob({ filter: { groupId }, action: "refuse" }, ben);
      await c.db.run("UPDATE users SET role = 'viewer' WHERE id = ?", [Number(ben.user.id)]);
      await run(demoted.id);
      expect(await getJob(demoted.id)).toMatchObject({ state: "interrupted", done: 0 });
      expect(await statuses(groupId)).toEqual(["pending", "pending"]);
    });
  });
}

suite("the IM server's applications", false, applyThroughIm);
suite("the console's own inbox", true, applyThroughInbox);
