import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AlertsConfig } from "@/lib/server/platform/env";
import { openPostgresStore } from "@/lib/server/store/postgres-store";
import type { Store } from "@/lib/server/store/store";
import { freshPostgresSchema, POSTGRES_SKIPPED, TEST_DATABASE_URL } from "@/lib/server/store/test-stores";
import { addApplication, startAlertReceiver, type AlertReceiver } from "@/lib/server/testing/alerts";
import { createAlertRunner } from "./alerts";

/**
 * Two console instances on one PostgreSQL database, each with its own connections and its own runner, running
 * their rounds at the same moments: every application is alerted in exactly one request, the burst once, and
 * no kind is sent twice within a minute.
 */
const MIN = 60_000;

describe.skipIf(!TEST_DATABASE_URL)(`alerts from two instances${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
  let receiver: AlertReceiver;
  let drop: () => Promise<void>;
  let a: Store;
  let b: Store;
  beforeEach(async () => {
    receiver = await startAlertReceiver();
    const schema = await freshPostgresSchema(TEST_DATABASE_URL!);
    drop = schema.drop;
    // One after the other: the first migrates the schema.
    a = await openPostgresStore(schema.url);
    b = await openPostgresStore(schema.url);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    await drop();
    await receiver.close();
  });

  it("delivers each stale application and the burst exactly once", async () => {
    let clock = Date.parse("2030-01-01T12:00:10.000Z");
    const config: AlertsConfig = {
      url: receiver.url,
      format: "json",
      secret: "two-instances-secret",
      staleMinutes: 60,
      burstPerMinute: 30,
    };
    const options = { sleep: async () => undefined };
    // The second instance's clock runs a little ahead, as clocks of two machines do.
    const first = createAlertRunner(a, config, { ...options, now: () => clock });
    const second = createAlertRunner(b, config, { ...options, now: () => clock + 700 });

    const stale: string[] = [];
    for (let i = 0; i < 150; i++) stale.push(await addApplication(a, `g${i % 9}`, clock - 2 * 60 * MIN - i * 1000));
    for (let i = 0; i < 40; i++) await addApplication(b, "raided", clock - 20_000 + i * 500);

    for (let round = 0; round < 12; round++) {
      if (round === 3) for (let i = 0; i < 5; i++) stale.push(await addApplication(b, "late", clock - 60 * MIN - 1000));
      // Several times at once in a round, as timers of two processes meet.
      await Promise.all([first.round(), second.round(), first.round(), second.round()]);
      clock += 20_000;
    }

    const byKind = (kind: string) => receiver.received.filter((r) => r.json.kind === kind);
    const staleIds = byKind("stale").flatMap((r) => (r.json.items as { applicationId: string }[]).map((i) => i.applicationId));
    expect(staleIds.length).toBe(155);
    expect(new Set(staleIds)).toEqual(new Set(stale));
    const bursts = byKind("burst").flatMap((r) => r.json.items as { groupId: string; count: number }[]);
    expect(bursts).toEqual([expect.objectContaining({ groupId: "raided", count: 40 })]);
    // One request per kind a minute: 100 + 50 + the 5 late ones went in three minutes.
    for (const kind of ["stale", "burst"]) {
      const at = byKind(kind).map((r) => Date.parse(r.json.at!));
      for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(59_000);
    }
    expect(receiver.received.every((r) => String(r.headers["x-console-signature"]).startsWith("sha256="))).toBe(true);
  });
});
