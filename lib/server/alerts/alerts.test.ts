import { createHmac } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import { upsertGroups } from "@/lib/server/directory";
import type { AlertsConfig } from "@/lib/server/platform/env";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { addApplication, startAlertReceiver, type AlertReceiver } from "@/lib/server/testing/alerts";
import { createAlertRunner, type AlertRunnerOptions } from "./alerts";
import { readAlertStatus } from "./status";

/**
 * Alerts against a real local receiver, with a clock the test moves: what is detected, what is sent, how
 * often, signed how, and what happens when the receiver fails.
 */
const SECRET = "alert-test-secret-0123456789";
const MIN = 60_000;

let receiver: AlertReceiver;
beforeEach(async () => {
  receiver = await startAlertReceiver();
});
afterEach(async () => {
  await receiver.close();
});

const config = (over: Partial<AlertsConfig> = {}): AlertsConfig => ({
  url: receiver.url,
  format: "json",
  secret: SECRET,
  staleMinutes: 60,
  burstPerMinute: 30,
  ...over,
});

describeEachStore("outbound alerts", (kind) => {
  let db: TestStore;
  freshStoreEachTest(kind, (s) => (db = s));
  let clock: number;
  const sleeps: number[] = [];
  const runner = (over: Partial<AlertsConfig> = {}, options: AlertRunnerOptions = {}) =>
    createAlertRunner(db, config(over), { now: () => clock, sleep: async (ms) => void sleeps.push(ms), ...options });
  beforeEach(() => {
    clock = Date.parse("2030-01-01T12:00:30.000Z");
    sleeps.length = 0;
  });
  const items = (i: number) => receiver.received[i].json.items as { applicationId?: string; groupId: string; count?: number }[];

  it("sends one signed request for the applications waiting too long, once", async () => {
    const old = [await addApplication(db, "g1", clock - 2 * 60 * MIN), await addApplication(db, "g2", clock - 61 * MIN)];
    const later = await addApplication(db, "g1", clock - 59 * MIN);
    await addApplication(db, "g1", clock - 3 * 60 * MIN, "approved");
    const run = runner();
    expect(await run.round()).toEqual({ stale: "sent", burst: "idle" });
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    const expected = createHmac("sha256", SECRET).update(got.body).digest("hex");
    expect(got.headers["x-console-signature"]).toBe(`sha256=${expected}`);
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.json).toEqual({ kind: "stale", at: new Date(clock).toISOString(), items: expect.any(Array) });
    expect(items(0)).toEqual([
      {
        applicationId: old[0],
        groupId: "g1",
        requesterId: `user_${old[0]}`,
        createdAt: new Date(clock - 120 * MIN).toISOString(),
        waitedMinutes: 120,
      },
      {
        applicationId: old[1],
        groupId: "g2",
        requesterId: `user_${old[1]}`,
        createdAt: new Date(clock - 61 * MIN).toISOString(),
        waitedMinutes: 61,
      },
    ]);
    for (let i = 0; i < 3; i++) {
      clock += 61_000;
      await run.round();
    }
    // The application that was 59 minutes old has now waited 62: it alone is alerted, once.
    expect(receiver.received).toHaveLength(2);
    expect(items(1).map((i) => i.applicationId)).toEqual([later]);
    expect(await readAlertStatus(db)).toEqual({ lastOkAt: new Date(clock - 2 * 61_000).toISOString(), lastError: null });
  });

  it("sends a burst once, with the group's name, and again only for a raid that fills another window", async () => {
    await upsertGroups(db, [group("raided", "Weekend Hikers")], 1);
    for (let i = 0; i < 35; i++) await addApplication(db, "raided", clock - 40_000 + i * 1000);
    for (let i = 0; i < 10; i++) await addApplication(db, "quiet", clock - 30_000 + i * 1000);
    const run = runner();
    expect(await run.round()).toEqual({ stale: "idle", burst: "sent" });
    expect(receiver.received[0].json).toMatchObject({ kind: "burst" });
    expect(items(0)).toEqual([
      {
        groupId: "raided",
        groupName: "Weekend Hikers",
        count: 35,
        windowStart: new Date(clock - 40_000).toISOString(),
        windowEnd: new Date(clock).toISOString(),
      },
    ]);
    // Into the next minute: the same applications are still within a minute of now, but were reported.
    clock += 15_000;
    await addApplication(db, "raided", clock - 1000);
    await run.round();
    clock += 61_000;
    await run.round();
    expect(receiver.received).toHaveLength(1);
    // The raid goes on: 31 more within a minute is a new burst.
    for (let i = 0; i < 31; i++) await addApplication(db, "raided", clock - 31_000 + i * 1000);
    await run.round();
    expect(receiver.received).toHaveLength(2);
    expect(items(1)).toMatchObject([{ groupId: "raided", count: 31 }]);
  });

  it("batches: many waiting applications go in one request a minute, at most 100 each", async () => {
    for (let i = 0; i < 230; i++) await addApplication(db, `g${i % 7}`, clock - 2 * 60 * MIN - i * 1000);
    const run = runner();
    await run.round();
    clock += 30_000;
    await run.round();
    expect(receiver.received.map((r) => items(receiver.received.indexOf(r)).length)).toEqual([100]);
    clock += 31_000;
    await run.round();
    clock += 61_000;
    await run.round();
    expect(receiver.received.map((_, i) => items(i).length)).toEqual([100, 100, 30]);
    expect(new Set(receiver.received.flatMap((_, i) => items(i).map((x) => x.applicationId))).size).toBe(230);
  });

  it("sends at most one request per kind a minute: what arrives meanwhile waits for the next", async () => {
    const first = await addApplication(db, "g1", clock - 2 * 60 * MIN);
    const run = runner();
    await run.round();
    clock += 15_000;
    const late = await addApplication(db, "g1", clock - 3 * 60 * MIN);
    expect(await run.round()).toMatchObject({ stale: "busy" });
    clock += 44_000;
    expect(await run.round()).toMatchObject({ stale: "busy" });
    clock += 2_000;
    expect(await run.round()).toMatchObject({ stale: "sent" });
    expect(receiver.received.map((_, i) => items(i).map((x) => x.applicationId))).toEqual([[first], [late]]);
  });

  it("retries with backoff after a 500, and counts the request sent when the receiver takes it", async () => {
    await addApplication(db, "g1", clock - 2 * 60 * MIN);
    receiver.answer(500, 503);
    expect(await runner().round()).toMatchObject({ stale: "sent" });
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(sleeps).toEqual([1000, 2000]);
    expect(await readAlertStatus(db)).toEqual({ lastOkAt: new Date(clock).toISOString(), lastError: null });
  });

  it("records a failure for /api/health without the URL or the secret, keeps the alert, and clears the error once one goes through", async () => {
    await addApplication(db, "g1", clock - 2 * 60 * MIN);
    receiver.answer(500, 500, 500, 500);
    const run = runner();
    expect(await run.round()).toMatchObject({ stale: "failed" });
    const failed = await readAlertStatus(db);
    expect(failed.lastOkAt).toBeNull();
    expect(failed.lastError).toMatch(/stale alert not delivered: HTTP 500 \(4 tries\)/);
    expect(failed.lastError).not.toContain("127.0.0.1");
    expect(failed.lastError).not.toContain(SECRET);
    // A 4xx will not pass by asking again at once.
    clock += 61_000;
    receiver.answer(404);
    await run.round();
    expect((await readAlertStatus(db)).lastError).toMatch(/HTTP 404 \(1 try\)/);
    clock += 61_000;
    expect(await run.round()).toMatchObject({ stale: "sent" });
    expect(await readAlertStatus(db)).toEqual({ lastOkAt: new Date(clock).toISOString(), lastError: null });
    expect(receiver.received).toHaveLength(6);
  });

  it("says when nothing answers, without naming the address", async () => {
    await addApplication(db, "g1", clock - 2 * 60 * MIN);
    await receiver.close();
    const closed = { ...config(), url: receiver.url };
    const run = createAlertRunner(db, closed, { now: () => clock, sleep: async () => undefined });
    expect(await run.round()).toMatchObject({ stale: "failed" });
    expect((await readAlertStatus(db)).lastError).toMatch(/connection failed \(ECONNREFUSED\) \(4 tries\)$/);
    receiver = await startAlertReceiver(); // for afterEach
  });

  it("writes Slack's { text } when asked, and leaves out an application decided while its alert waited", async () => {
    for (let i = 0; i < 3; i++) await addApplication(db, "g<1>", clock - 90 * MIN);
    const decided = await addApplication(db, "g2", clock - 90 * MIN);
    const run = runner({ format: "slack", secret: null });
    receiver.answer(400);
    expect(await run.round()).toMatchObject({ stale: "failed" });
    await db.run("UPDATE inbox_applications SET status = 'refused' WHERE id = ?", [Number(decided)]);
    clock += 61_000;
    expect(await run.round()).toMatchObject({ stale: "sent" });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1].headers).not.toHaveProperty("x-console-signature");
    const { text } = receiver.received[1].json;
    expect(Object.keys(receiver.received[1].json)).toEqual(["text"]);
    expect(text).toMatch(/^3 applications waiting over 60 min:\n/);
    expect(text).toContain("→ group g&lt;1&gt;: waiting 91 min");
    expect(receiver.received[0].json.text).toContain(`(application ${decided})`);
    expect(text).not.toContain(`(application ${decided})`);
  });
});

function group(id: string, name: string) {
  return {
    id,
    name,
    type: "Public" as const,
    ownerId: "owner",
    memberCount: 1,
    maxMemberCount: 100,
    joinOption: "NeedPermission" as const,
    introduction: "",
    notification: "",
    faceUrl: "",
    muteAll: false,
    supportTopic: false,
    createdAt: new Date(0).toISOString(),
    pendingApplications: 0,
  };
}
