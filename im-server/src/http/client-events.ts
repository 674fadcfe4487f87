// GET /client/events: one user's listener events as server-sent events. Every event is stored with
// an increasing id, so a reconnect with Last-Event-ID (or ?lastEventId=) replays what was missed;
// a first connection without one starts from now. The stored backlog is also what a slow client
// waits on: the stream stops reading it while the socket is full and goes on after 'drain', so a
// client that does not read costs one event of memory, never its whole backlog.
import type { ServerResponse } from "node:http";
import type { FastifyInstance, FastifyReply } from "fastify";
import { Code, ImServerError } from "../domain/errors";
import type { ServiceContext } from "../services/context";
import type { StoredEvent } from "../store/events-repo";
import { authenticateClient } from "./client-auth";
import { errorEnvelope, failEnvelope } from "./envelope";

const HEARTBEAT_MS = 15_000;
const BATCH = 100;
/** A phone, a tablet and a few tabs; each open stream holds a socket and a subscription. */
export const MAX_STREAMS_PER_USER = 5;

function lastEventId(header: unknown, query: unknown): number | undefined {
  const raw = typeof header === "string" ? header : typeof query === "string" ? query : undefined;
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** Open streams and whose they are, so a shutdown can end them and one user cannot open without end. */
export class StreamRegistry {
  private readonly streams = new Map<ServerResponse, string>();
  private readonly perUser = new Map<string, number>();

  openFor(userId: string): number {
    return this.perUser.get(userId) ?? 0;
  }

  add(stream: ServerResponse, userId: string): void {
    this.streams.set(stream, userId);
    this.perUser.set(userId, this.openFor(userId) + 1);
  }

  delete(stream: ServerResponse): void {
    const userId = this.streams.get(stream);
    if (userId === undefined) return;
    this.streams.delete(stream);
    const left = this.openFor(userId) - 1;
    if (left > 0) this.perUser.set(userId, left);
    else this.perUser.delete(userId);
  }

  endAll(): void {
    for (const stream of this.streams.keys()) stream.end();
    this.streams.clear();
    this.perUser.clear();
  }
}

function sendEnvelope(reply: FastifyReply, status: number, envelope: Record<string, unknown>) {
  return reply.code(status).header("content-type", "application/json; charset=utf-8").send(JSON.stringify(envelope));
}

export function registerClientEvents(app: FastifyInstance, ctx: ServiceContext, streams: StreamRegistry): void {
  app.get("/client/events", (request, reply) => {
    let userId: string;
    try {
      userId = authenticateClient(ctx, request).userId;
    } catch (error) {
      if (!(error instanceof ImServerError)) throw error;
      return sendEnvelope(reply, 401, errorEnvelope(error));
    }
    if (streams.openFor(userId) >= MAX_STREAMS_PER_USER) {
      const info = `at most ${MAX_STREAMS_PER_USER} event streams may be open per user; close one first`;
      return sendEnvelope(reply, 429, failEnvelope(Code.RATE_LIMITED, info));
    }
    let lastId =
      lastEventId(request.headers["last-event-id"], (request.query as Record<string, unknown>).lastEventId) ?? ctx.store.events.latestId();

    reply.hijack();
    const raw = reply.raw;
    streams.add(raw, userId);
    raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    // `connected` has no id, so it never moves the client's Last-Event-ID.
    raw.write(`retry: 2000\nevent: connected\ndata: ${JSON.stringify({ userID: userId, lastEventId: lastId })}\n\n`);

    // Reading the backlog on every wake-up keeps the stream gap-free and in order. A write that fills the
    // socket is still taken; the rest of its batch waits in `unsent` (at most BATCH events) until 'drain'.
    let unsent: StoredEvent[] = [];
    let waitingForDrain = false;
    const pump = () => {
      if (raw.writableEnded || raw.destroyed || waitingForDrain) return;
      for (;;) {
        if (unsent.length === 0) {
          unsent = ctx.store.events.after(userId, lastId, BATCH);
          if (unsent.length === 0) return;
        }
        while (unsent.length > 0) {
          const event = unsent.shift()!;
          lastId = event.id;
          if (!raw.write(`id: ${event.id}\nevent: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`)) {
            waitingForDrain = true;
            raw.once("drain", () => {
              waitingForDrain = false;
              pump();
            });
            return;
          }
        }
      }
    };
    pump();
    const unsubscribe = ctx.bus.subscribe(userId, pump);
    // A client that does not read needs no pings to notice the stream is alive.
    const heartbeat = setInterval(() => {
      if (!waitingForDrain) raw.write(": ping\n\n");
    }, HEARTBEAT_MS);
    raw.on("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(raw);
    });
  });
}
