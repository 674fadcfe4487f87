import { NextRequest } from "next/server";
import { expect, it, vi } from "vitest";
import { POST as bulkRoute } from "@/app/api/applications/bulk/route";
import { GET as jobsRoute } from "@/app/api/jobs/route";
import { DELETE as cancelRoute, GET as jobRoute } from "@/app/api/jobs/[id]/route";
import type { SessionUser } from "@/lib/schemas/user";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { insertJob } from "./repo";

// The jobs API at its edge (docs/contracts.md § Jobs): who may start, read and cancel a job, and what a
// malformed request gets — each refused in the error contract with nothing started.

let me: SessionUser;
vi.mock("@/lib/server/auth/session", () => ({ currentUser: async () => me, requireUser: async () => me }));
const holder = globalThis as { __groupConsole?: { db: TestStore; im: unknown } };
const noParams = { params: Promise.resolve({}) };
const post = (body: unknown) =>
  bulkRoute(
    new NextRequest("http://console.test/api/applications/bulk", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
    noParams,
  );

describeEachStore("the jobs API", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => {
    db = store;
    holder.__groupConsole = { db: store, im: {} };
  });
  const viewer: SessionUser = { id: "7", email: "vera@jobs.test", name: "Vera", role: "viewer" };
  const moderator: SessionUser = { id: "8", email: "mo@jobs.test", name: "Mo", role: "moderator" };
  const jobs = async () => Number((await db.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM jobs"))!.n);

  it("a viewer may read jobs but not start or cancel one", async () => {
    me = viewer;
    expect((await post({ filter: { groupId: "@TGS#1" }, action: "refuse" })).status).toBe(403);
    expect((await jobsRoute(new NextRequest("http://console.test/api/jobs"), noParams)).status).toBe(200);
    const del = await cancelRoute(new NextRequest("http://console.test/api/jobs/x", { method: "DELETE" }), {
      params: Promise.resolve({ id: "x" }),
    });
    expect(del.status).toBe(403);
    expect(await jobs()).toBe(0);
  });

  it.each([
    ["both ids and a filter", { ids: ["1"], filter: {}, action: "refuse" }],
    ["neither", { action: "refuse" }],
    ["an unknown filter field", { filter: { status: "approved" }, action: "refuse" }],
    ["a filter over its limits", { filter: { q: "x".repeat(101) }, action: "refuse" }],
    ["expectTotal over 10,000", { filter: {}, action: "refuse", expectTotal: 10_001 }],
    ["expectTotal with ids", { ids: ["1"], action: "refuse", expectTotal: 1 }],
    ["an unknown action", { filter: {}, action: "ban" }],
  ])("%s is 422, and nothing starts", async (_, body) => {
    me = moderator;
    const res = await post(body);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("validation");
    expect(await jobs()).toBe(0);
  });

  it("a filter matching over 10,000 applications is 422 with the limit, and nothing starts", async () => {
    me = moderator;
    await db.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10001)
       INSERT INTO inbox_applications (group_id, requester_id, message, status, created_at, search_text)
       SELECT '@TGS#raid', 'raider' || i, '', 'pending', '2026-12-01T00:00:00.000Z', 'raider' || i FROM n`,
    );
    const res = await post({ filter: { groupId: "@TGS#raid" }, action: "refuse" });
    expect(res.status).toBe(422);
    expect((await res.json()).error.details).toMatchObject({ reason: { key: "tooManyForJob", values: { max: 10_000 } } });
    expect(await jobs()).toBe(0);
  });

  it("an unknown job is 404; a finished one cannot be cancelled (409)", async () => {
    me = moderator;
    const missing = await jobRoute(new NextRequest("http://console.test/api/jobs/nope"), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
    await insertJob(
      db,
      {
        id: "j1",
        kind: "applications.refuse",
        state: "done",
        params: JSON.stringify({ filter: {} }),
        total: 1,
        started_by_id: "8",
        started_by: moderator.email,
        started_by_name: "Mo",
        started_at: new Date().toISOString(),
      },
      ["41"],
    );
    const res = await cancelRoute(new NextRequest("http://console.test/api/jobs/j1", { method: "DELETE" }), {
      params: Promise.resolve({ id: "j1" }),
    });
    expect(res.status).toBe(409);
    const read = await (
      await jobRoute(new NextRequest("http://console.test/api/jobs/j1"), { params: Promise.resolve({ id: "j1" }) })
    ).json();
    expect(read.job).toMatchObject({ id: "j1", state: "done", total: 1, done: 0, cancelRequested: false });
  });
});
