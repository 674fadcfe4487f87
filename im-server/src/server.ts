// Builds the Fastify app (without listening, so tests can listen on port 0) and its background work:
// webhook delivery, the recycler, the demo simulator and event pruning.
import { closeSync, openSync, writeSync } from "node:fs";
import Fastify, { type FastifyInstance } from "fastify";
import type { ImServerConfig } from "./config";
import { registerClientApi } from "./http/client-api";
import { StreamRegistry, registerClientEvents } from "./http/client-events";
import { SlidingWindowLimiter } from "./http/rate-limit";
import { registerRest } from "./http/rest";
import { seedIfEmpty } from "./seed/seed";
import type { ServiceContext } from "./services/context";
import { EventBus } from "./services/event-bus";
import { startRecycler } from "./services/recycler";
import { startSimulator } from "./services/simulator";
import type { Store } from "./store/store";
import { Webhooks } from "./webhooks/webhooks";

declare module "fastify" {
  interface FastifyInstance {
    /** The server's services, for tests and the entry point. */
    im: ServiceContext;
  }
}

export interface BuildServerOptions {
  config: ImServerConfig;
  store: Store;
  /** Fastify logger setting; defaults to the configured level. */
  logger?: boolean | { level: string };
  /** Unix seconds; injectable so tests can age groups. */
  now?: () => number;
  /** Milliseconds for the strict-mode rate limiter; injectable so tests can freeze time. */
  nowMs?: () => number;
}

export function redactSig(url: string): string {
  return url.replace(/([?&]usersig=)[^&]*/i, "$1[redacted]");
}

const PRUNE_EVERY_MS = 10 * 60 * 1000;
const MAX_EVENT_ROWS = 200_000;

export function buildServer(options: BuildServerOptions): FastifyInstance {
  const { config, store } = options;
  const logger = options.logger ?? { level: config.logLevel };
  const app = Fastify({
    // UserSigs travel in the query string: never write them to a log.
    logger: logger && {
      ...(typeof logger === "object" ? logger : {}),
      serializers: {
        req: (request: { method: string; url: string }) => ({ method: request.method, url: redactSig(request.url) }),
      },
    },
    bodyLimit: 1024 * 1024,
    // Open event streams must not keep a closing server alive.
    forceCloseConnections: true,
  });

  // Bodies are parsed by the routes themselves: Tencent answers a malformed body inside the
  // envelope (60003/10011), and the `Next` cursor needs a 64-bit-safe parse.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));

  const webhooks = new Webhooks({ url: config.callbackUrl, token: config.callbackToken, sdkAppId: config.sdkAppId, log: app.log });
  const ctx: ServiceContext = {
    store,
    config,
    bus: new EventBus(),
    webhooks,
    now: options.now ?? (() => Math.floor(Date.now() / 1000)),
  };
  app.decorate("im", ctx);

  // Benchmarks count requests per one-second window where Tencent would: at the server.
  if (config.requestLog) {
    const fd = openSync(config.requestLog, "a");
    app.addHook("onRequest", async (request) => void writeSync(fd, `${Date.now()} ${request.url.split("?")[0]}\n`));
    app.addHook("onClose", async () => closeSync(fd));
  }

  const limiter = new SlidingWindowLimiter();
  const streams = new StreamRegistry();
  registerRest(app, ctx, limiter, options.nowMs ?? Date.now);
  registerClientApi(app, ctx);
  registerClientEvents(app, ctx, streams);

  app.get("/health", async () => ({ ok: true }));

  if (config.testMode) {
    app.post("/test/reset", async () => {
      store.wipe();
      limiter.reset();
      const seeded = seedIfEmpty(store, config, ctx.now());
      return { ok: true, seeded };
    });
  }

  const stopRecycler = startRecycler(ctx, app.log);
  const stopSimulator = startSimulator(ctx, app.log);
  const pruning = setInterval(() => {
    try {
      store.events.prune(ctx.now() - config.eventRetentionHours * 3600, MAX_EVENT_ROWS);
    } catch (error) {
      app.log.warn({ err: error }, "event pruning failed");
    }
  }, PRUNE_EVERY_MS);
  pruning.unref();

  app.addHook("preClose", async () => {
    stopRecycler();
    stopSimulator();
    clearInterval(pruning);
    streams.endAll();
  });
  app.addHook("onClose", async () => {
    await webhooks.close();
  });
  return app;
}
