// GET /client/events: one user's listener events as server-sent events. Every event is stored with
// an increasing id, so a reconnect with Last-Event-ID (or ?lastEventId=) replays what was missed;
// a first connection without one starts from now.
import type { ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import { ImServerError } from "../domain/errors";
import type { ServiceContext } from "../services/context";
import { authenticateClient } from "./client-auth";
import { errorEnvelope } from "./envelope";

const HEARTBEAT_MS = 15_000;
const BATCH = 500;

function lastEventId(header: unknown, query: unknown): number | undefined {
  const raw = typeof header === "string" ? header : typeof query === "string" ? query : undefined;
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** Open streams, so a shutdown can end them instead of waiting for clients to hang up. */
export class StreamRegistry {
  private readonly streams = new Set<ServerResponse>();

  add(stream: ServerResponse): void {
    this.streams.add(stream);
  }

  delete(stream: ServerResponse): void {
    this.streams.delete(stream);
  }

  endAll(): void {
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }
}

export function registerClientEvents(app: FastifyInstance, ctx: ServiceContext, streams: StreamRegistry): void {
  app.get("/client/events", (request, reply) => {
    let userId: string;
    try {
      userId = authenticateClient(ctx, request).userId;
    } catch (error) {
      if (!(error instanceof ImServerError)) throw error;
      return reply.code(401).header("content-type", "application/json; charset=utf-8").send(JSON.stringify(errorEnvelope(error)));
    }
    let lastId =
      lastEventId(request.headers["last-event-id"], (request.query as Record<string, unknown>).lastEventId) ?? ctx.store.events.latestId();

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    // `connected` has no id, so it never moves the client's Last-Event-ID.
    raw.write(`retry: 2000\nevent: connected\ndata: ${JSON.stringify({ userID: userId, lastEventId: lastId })}\n\n`);

    // Reading the backlog on every wake-up keeps the stream gap-free and in order.
    const pump = () => {
      if (raw.writableEnded) return;
      for (;;) {
        const batch = ctx.store.events.after(userId, lastId, BATCH);
        for (const event of batch) {
          raw.write(`id: ${event.id}\nevent: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
          lastId = event.id;
        }
        if (batch.length < BATCH) break;
      }
    };
    pump();
    const unsubscribe = ctx.bus.subscribe(userId, pump);
    const heartbeat = setInterval(() => raw.write(": ping\n\n"), HEARTBEAT_MS);
    streams.add(raw);
    raw.on("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(raw);
    });
  });
}
