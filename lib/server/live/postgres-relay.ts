import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import { liveEventDataSchema, liveEventTypeSchema, type LiveEvent } from "@/lib/schemas/live-event";
import { log } from "../log";
import type { EventBus } from "./bus";

/** One channel for every console instance on the database. */
export const LIVE_CHANNEL = "group_console_live";

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 15_000;

const noticeSchema = z.object({ from: z.string(), event: liveEventDataSchema.extend({ type: liveEventTypeSchema }) });

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
  const sender = new pg.Pool({ connectionString: url, max: 2, application_name: "group-console-relay" });
  sender.on("error", () => {});
  let listener: pg.Client | null = null;
  let closed = false;
  let everConnected = false;
  let backoff = RECONNECT_MIN_MS;
  let retry: NodeJS.Timeout | undefined;

  const send = (event: LiveEvent) => {
    const payload = JSON.stringify({ from: instanceId, event });
    sender.query("SELECT pg_notify($1, $2)", [LIVE_CHANNEL, payload]).catch((err: unknown) => log("warn", "live event not relayed", { error: err, type: event.type }));
  };
  const stopSending = bus.subscribeLocal(send);

  const receive = (message: pg.Notification) => {
    if (message.channel !== LIVE_CHANNEL || !message.payload) return;
    let parsed;
    try {
      parsed = noticeSchema.safeParse(JSON.parse(message.payload));
    } catch {
      return;
    }
    if (!parsed.success || parsed.data.from === instanceId) return;
    bus.publish(parsed.data.event, "relayed");
  };

  const connect = async () => {
    const client = new pg.Client({ connectionString: url, application_name: "group-console-listen" });
    const lost = (err?: unknown) => {
      if (listener !== client) return;
      listener = null;
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
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (err) {
      client.removeAllListeners();
      await client.end().catch(() => {});
      log("warn", "live relay cannot listen", { error: err });
      return schedule();
    }
    if (closed) return void client.end().catch(() => {});
    listener = client;
    backoff = RECONNECT_MIN_MS;
    // Anything sent while this instance was not listening is gone: streams open before now start afresh.
    if (everConnected) bus.reportGap();
    everConnected = true;
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
      stopSending();
      const client = listener;
      listener = null;
      await client?.end().catch(() => {});
      await sender.end().catch(() => {});
    },
  };
}
