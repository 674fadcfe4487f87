import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import { liveEventDataSchema, liveEventTypeSchema, type LiveEvent } from "@/lib/schemas/live-event";
import { log } from "@/lib/server/platform/log";
import type { EventBus } from "./bus";

/**
 * One channel for the console instances of one deployment: named after the schema the store lives in, so two
 * deployments sharing a database in different schemas do not hear each other.
 */
export const channelOf = (schema: string) => `group_console_live:${schema}`;
const CHANNEL_SQL = "'group_console_live:' || current_schema()";

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 15_000;
/** A connection that died without a word (a NAT timeout, a failover) is noticed by a query that never answers. */
const PROBE_EVERY_MS = 15_000;
const PROBE_TIMEOUT_MS = 5_000;

/** A live event, or a console user changed (their streams check again: bus.ts `userChanged`). */
const noticeSchema = z.union([
  z.object({ from: z.string(), event: liveEventDataSchema.extend({ type: liveEventTypeSchema }) }),
  z.object({ from: z.string(), userChanged: z.string() }),
]);

export type Relay = { readonly instanceId: string; close(): Promise<void> };

/**
 * Carries live events between console instances over PostgreSQL LISTEN/NOTIFY, so every browser sees every
 * change whichever instance received the webhook or made the write. Each instance sends its local events
 * and publishes the others' on its own bus (its own come back too, and are skipped by their sender ID).
 * The listening connection is kept open and re-opened after a drop; what was sent meanwhile is lost, so
 * the bus reports a gap and open streams start afresh.
 */
export function relayOverPostgres(bus: EventBus, url: string, onReady?: () => void): Relay {
  const instanceId = randomUUID();
  // Sending needs no dedicated connection: a small pool of its own, so the store's pool is never waited on.
  // One connection, so events leave in the order they were published.
  const sender = new pg.Pool({
    connectionString: url,
    max: 1,
    application_name: "group-console-relay",
    keepAlive: true,
    connectionTimeoutMillis: 5000,
  });
  sender.on("error", () => {});
  let listener: pg.Client | null = null;
  let channel: string | null = null;
  let probe: NodeJS.Timeout | undefined;
  let closed = false;
  let backoff = RECONNECT_MIN_MS;
  let retry: NodeJS.Timeout | undefined;

  const notify = (notice: object, what: string) =>
    void sender
      .query(`SELECT pg_notify(${CHANNEL_SQL}, $1)`, [JSON.stringify({ from: instanceId, ...notice })])
      .catch((err: unknown) => log("warn", "live event not relayed", { error: err, type: what }));
  const stopEvents = bus.subscribeLocal((event: LiveEvent) => notify({ event }, event.type));
  const stopUsers = bus.onUserChanged((userId, origin) => origin === "local" && notify({ userChanged: userId }, "user changed"));

  const receive = (message: pg.Notification) => {
    if (message.channel !== channel || !message.payload) return;
    let parsed;
    try {
      parsed = noticeSchema.safeParse(JSON.parse(message.payload));
    } catch {
      return;
    }
    if (!parsed.success || parsed.data.from === instanceId) return;
    if ("userChanged" in parsed.data) bus.userChanged(parsed.data.userChanged, "relayed");
    else bus.publish(parsed.data.event, "relayed");
  };

  const connect = async () => {
    const client = new pg.Client({
      connectionString: url,
      application_name: "group-console-listen",
      keepAlive: true,
      connectionTimeoutMillis: 5000,
    });
    const lost = (err?: unknown) => {
      if (listener !== client) return;
      listener = null;
      clearInterval(probe);
      client.removeAllListeners();
      void client.end().catch(() => {});
      if (closed) return;
      log("warn", "live relay lost its database connection", { error: err });
      schedule();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    client.on("notification", receive);
    try {
      await client.connect();
      const { rows } = await client.query<{ channel: string }>(`SELECT ${CHANNEL_SQL} AS channel`);
      channel = rows[0].channel;
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (err) {
      client.removeAllListeners();
      await client.end().catch(() => {});
      if (closed) return;
      log("warn", "live relay cannot listen", { error: err });
      return schedule();
    }
    if (closed) return void client.end().catch(() => {});
    listener = client;
    backoff = RECONNECT_MIN_MS;
    probe = setInterval(() => {
      const timeout = new Promise((_, reject) =>
        setTimeout(() => reject(new Error("the listening connection does not answer")), PROBE_TIMEOUT_MS).unref(),
      );
      Promise.race([client.query("SELECT 1"), timeout]).catch((err: unknown) => lost(err));
    }, PROBE_EVERY_MS);
    probe.unref();
    // Anything sent while this instance was not listening (before its first connection too) is gone:
    // streams open before now start afresh.
    bus.reportGap();
    onReady?.();
  };
  const schedule = () => {
    clearTimeout(retry);
    retry = setTimeout(() => void connect(), backoff);
    retry.unref();
    backoff = Math.min(backoff * 2, RECONNECT_MAX_MS);
  };
  void connect();

  return {
    instanceId,
    async close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(probe);
      stopEvents();
      stopUsers();
      const client = listener;
      listener = null;
      await client?.end().catch(() => {});
      await sender.end().catch(() => {});
    },
  };
}
