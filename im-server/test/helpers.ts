// A real IM server on 127.0.0.1:0 with a temporary data directory, plus helpers that speak the
// wire protocol the way a console's gateway would.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { ImClient } from "../client";
import type { ImServerConfig } from "../src/config";
import { parseJsonBody, stringifyJson } from "../src/http/json-body";
import { seedIfEmpty } from "../src/seed/seed";
import { buildServer } from "../src/server";
import { type Store, openStore } from "../src/store/store";
import { genUserSig } from "../src/usersig";

export const SDKAPPID = 1400000000;
export const SECRET = "test-secret-key-0123456789abcdef";
export const ADMIN = "administrator";

export type Envelope = Record<string, unknown> & { ActionStatus: string; ErrorCode: number; ErrorInfo: string };

export interface TestServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  config: ImServerConfig;
  /** Calls `service/command` as the App admin (or as `identifier` / with a given `usersig`). */
  rest(
    command: string,
    body?: unknown,
    options?: { identifier?: string; usersig?: string; query?: Record<string, string> },
  ): Promise<Envelope>;
  /** Raw text of a REST answer, for checks the JSON parse would hide (e.g. 64-bit integers). */
  restText(command: string, body: string): Promise<string>;
  /** Signs in a client-API user with its event stream open. */
  client(userId: string): Promise<ImClient>;
  /** Restarts on the same data directory (a new store and server). */
  restart(overrides?: Partial<ImServerConfig>): Promise<TestServer>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

export function sig(identifier: string, options: { expire?: number; time?: number; key?: string; sdkAppId?: number } = {}): string {
  return genUserSig({
    sdkAppId: options.sdkAppId ?? SDKAPPID,
    key: options.key ?? SECRET,
    identifier,
    expire: options.expire ?? 3600,
    time: options.time,
  });
}

export function query(identifier: string, usersig = sig(identifier)): string {
  return new URLSearchParams({ sdkappid: String(SDKAPPID), identifier, usersig, random: "12345", contenttype: "json" }).toString();
}

/** Parses an answer the way a 64-bit-aware gateway would: a numeric `Next` becomes a bigint. */
export function parseEnvelope(text: string): Envelope {
  const envelope = parseJsonBody(text) as Envelope;
  if (/"Next":\s*\d/.test(text) && typeof envelope.Next === "string") envelope.Next = BigInt(envelope.Next);
  return envelope;
}

export async function startServer(
  overrides: Partial<ImServerConfig> = {},
  dataDir?: string,
  clocks: { nowMs?: () => number; now?: () => number } = {},
): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), "im-server-test-"));
  const config: ImServerConfig = {
    host: "127.0.0.1",
    port: 0,
    dataDir: dir,
    sdkAppId: SDKAPPID,
    secretKey: SECRET,
    adminId: ADMIN,
    demo: false,
    testMode: false,
    strictTencent: false,
    callbackUrl: undefined,
    callbackToken: undefined,
    recycleAfterSeconds: undefined,
    simulatorRate: 0,
    eventRetentionHours: 24,
    logLevel: "silent",
    ...overrides,
  };
  const store = openStore(dir);
  seedIfEmpty(store, config, Math.floor(Date.now() / 1000));
  const app = buildServer({ config, store, logger: false, nowMs: clocks.nowMs, now: clocks.now });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const clients: ImClient[] = [];

  const server: TestServer = {
    url,
    app,
    store,
    config,
    async rest(command, body = {}, options = {}) {
      const identifier = options.identifier ?? ADMIN;
      const params = new URLSearchParams(query(identifier, options.usersig ?? sig(identifier)));
      for (const [key, value] of Object.entries(options.query ?? {})) params.set(key, value);
      const response = await fetch(`${url}/v4/${command}?${params}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : stringifyJson(body),
      });
      return parseEnvelope(await response.text());
    },
    async restText(command, body) {
      const response = await fetch(`${url}/v4/${command}?${query(ADMIN)}`, { method: "POST", body });
      return response.text();
    },
    async client(userId) {
      const client = new ImClient({ baseUrl: url, sdkAppId: SDKAPPID, secretKey: SECRET });
      await client.login(userId);
      clients.push(client);
      return client;
    },
    async restart(more = {}) {
      await server.close({ keepData: true });
      return startServer({ ...overrides, ...more }, dir, clocks);
    },
    async close(options = {}) {
      for (const client of clients) await client.logout();
      await app.close();
      store.close();
      if (!options.keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** Imports accounts with nicknames (one call each, as a console would). */
export async function importAccounts(server: TestServer, ...userIds: string[]): Promise<void> {
  for (const userId of userIds) {
    const res = await server.rest("im_open_login_svc/account_import", { UserID: userId, Nick: `Nick ${userId}` });
    if (res.ErrorCode !== 0) throw new Error(`import ${userId}: ${res.ErrorInfo}`);
  }
}

export async function createGroup(server: TestServer, body: Record<string, unknown>): Promise<string> {
  const res = await server.rest("group_open_http_svc/create_group", body);
  if (res.ErrorCode !== 0) throw new Error(`create_group: ${res.ErrorCode} ${res.ErrorInfo}`);
  return res.GroupId as string;
}

/** Polls until `check` returns a value (or throws after `timeoutMs`). */
export async function waitFor<T>(check: () => T | undefined | null | false, timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Records every listener event a client receives. */
export function recordEvents(client: ImClient): { name: string; payload: Record<string, unknown>; id: number }[] {
  const events: { name: string; payload: Record<string, unknown>; id: number }[] = [];
  client.addGroupListener({ onEvent: (name, payload, id) => events.push({ name, payload, id }) });
  return events;
}

export interface ReceivedCallback {
  query: Record<string, string>;
  body: Record<string, unknown>;
}

export interface CallbackReceiver {
  url: string;
  calls: ReceivedCallback[];
  /** Decides the reply per callback; default: allow. Return `"hang"` to never answer. */
  reply: (call: ReceivedCallback) => Record<string, unknown> | "hang";
  commands(): string[];
  close(): Promise<void>;
}

/** A tiny webhook receiver on a free port, recording what the IM server sends. */
export async function startReceiver(): Promise<CallbackReceiver> {
  const { createServer } = await import("node:http");
  const hanging: import("node:http").ServerResponse[] = [];
  const receiver: CallbackReceiver = {
    url: "",
    calls: [],
    reply: () => ({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" }),
    commands: () => receiver.calls.map((c) => c.query.CallbackCommand),
    close: () =>
      new Promise<void>((resolve) => {
        hanging.forEach((res) => res.destroy());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const call = { query: Object.fromEntries(url.searchParams), body: JSON.parse(text) as Record<string, unknown> };
      receiver.calls.push(call);
      const answer = receiver.reply(call);
      if (answer === "hang") return void hanging.push(res);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  receiver.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/im/callback`;
  return receiver;
}
