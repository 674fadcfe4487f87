import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import type { LiveEvent } from "@/lib/schemas/live-event";
import { freshPostgresSchema, POSTGRES_SKIPPED, TEST_DATABASE_URL } from "@/lib/server/store/test-stores";
import { createInProcessBus, type EventBus } from "./bus";
import { relayOverPostgres, type Relay } from "./postgres-relay";

type Instance = { bus: EventBus; relay: Relay; seen: LiveEvent[]; gaps: number };

const started: Instance[] = [];

/** A console instance's bus with its relay, as background work sets it up, and what its browsers would see. */
async function instance(): Promise<Instance> {
  const bus = createInProcessBus();
  const me: Instance = { bus, relay: null as unknown as Relay, seen: [], gaps: 0 };
  bus.subscribe(
    (e) => me.seen.push(e),
    () => me.gaps++,
  );
  await new Promise<void>((ready) => (me.relay = relayOverPostgres(bus, TEST_DATABASE_URL!, ready)));
  started.push(me);
  return me;
}

const event = (groupId: string): LiveEvent => ({ type: "group.updated", groupId, at: new Date().toISOString() });
const eventually = (check: () => void) =>
  expect
    .poll(
      () => {
        try {
          check();
          return true;
        } catch {
          return false;
        }
      },
      { timeout: 5000 },
    )
    .toBe(true);

afterEach(async () => {
  await Promise.all(started.splice(0).map((i) => i.relay.close()));
});

describe.skipIf(!TEST_DATABASE_URL)(
  `live events between console instances over PostgreSQL${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`,
  () => {
    it("an event published on one instance reaches the browsers of every instance, once each", async () => {
      const [a, b, c] = [await instance(), await instance(), await instance()];
      a.bus.publish(event("@TGS#from-a"));
      c.bus.publish(event("@TGS#from-c"));
      await eventually(() => {
        for (const i of [a, b, c]) expect(i.seen.map((e) => e.groupId).sort()).toEqual(["@TGS#from-a", "@TGS#from-c"]);
      });
      // Nothing arrives twice (an instance's own events come back from the database and are skipped).
      await new Promise((r) => setTimeout(r, 200));
      for (const i of [a, b, c]) expect(i.seen).toHaveLength(2);
    });

    it("a console user changed on one instance reaches every other instance, so their streams there end too", async () => {
      const [a, b] = [await instance(), await instance()];
      const changed: string[][] = [[], []];
      [a, b].forEach((i, n) => i.bus.onUserChanged((userId, origin) => changed[n].push(`${userId}/${origin}`)));
      a.bus.userChanged("42");
      await eventually(() => expect(changed[1]).toEqual(["42/relayed"]));
      // Told once on each: the sender's own notice comes back from the database and is skipped; no browser hears it.
      await new Promise((r) => setTimeout(r, 200));
      expect(changed).toEqual([["42/local"], ["42/relayed"]]);
      expect([...a.seen, ...b.seen]).toEqual([]);
    });

    it("an instance whose database connection drops listens again, and tells its streams they may have missed events", async () => {
      const [a, b] = [await instance(), await instance()];
      const gapsBefore = b.gaps;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try {
        await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'group-console-listen' AND datname = current_database()",
        );
      } finally {
        await admin.end();
      }
      await eventually(() => expect(b.gaps).toBeGreaterThan(gapsBefore));
      a.bus.publish(event("@TGS#after-the-drop"));
      await eventually(() => expect(b.seen.map((e) => e.groupId)).toContain("@TGS#after-the-drop"));
    });

    it("a malformed notice on the channel is ignored", async () => {
      const a = await instance();
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query("SELECT pg_notify('group_console_live:' || current_schema(), $1)", [
        '{"from":"elsewhere","event":{"type":"nonsense"}}',
      ]);
      await admin.query("SELECT pg_notify('group_console_live:' || current_schema(), 'not json')");
      await admin.end();
      const b = await instance();
      b.bus.publish(event("@TGS#fine"));
      await eventually(() => expect(a.seen.map((e) => e.groupId)).toEqual(["@TGS#fine"]));
    });

    it("two deployments sharing a database in different schemas do not hear each other", async () => {
      const here = await instance();
      const other = await freshPostgresSchema(TEST_DATABASE_URL!);
      const bus = createInProcessBus();
      const seen: LiveEvent[] = [];
      bus.subscribe((e) => seen.push(e));
      const relay = await new Promise<Relay>((ready) => {
        const r = relayOverPostgres(bus, other.url, () => ready(r));
      });
      try {
        bus.publish(event("@TGS#other-deployment"));
        here.bus.publish(event("@TGS#this-deployment"));
        await new Promise((r) => setTimeout(r, 300));
        expect(here.seen.map((e) => e.groupId)).toEqual(["@TGS#this-deployment"]);
        expect(seen.map((e) => e.groupId)).toEqual(["@TGS#other-deployment"]);
      } finally {
        await relay.close();
        await other.drop();
      }
    });
  },
);
