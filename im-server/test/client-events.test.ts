import type { IncomingMessage, ServerResponse } from "node:http";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_STREAMS_PER_USER } from "../src/http/client-events";
import { type TestServer, importAccounts, query, startServer, waitFor } from "./helpers";

describe("client event streams", () => {
  let server: TestServer;
  let n = 0;
  const newUser = async () => {
    const id = `u_stream${++n}`;
    await importAccounts(server, id);
    return id;
  };

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  /** Opens a stream and waits for its `connected` message; aborting the controller hangs up. */
  async function openStream(userId: string): Promise<{ status: number; hangUp: () => void; body: string }> {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/client/events?${query(userId)}`, { signal: controller.signal });
    if (res.status !== 200) return { status: res.status, hangUp: () => controller.abort(), body: await res.text() };
    const reader = res.body!.getReader();
    const first = await reader.read();
    return { status: 200, hangUp: () => controller.abort(), body: new TextDecoder().decode(first.value) };
  }

  it(`lets one user hold ${MAX_STREAMS_PER_USER} open streams, refuses the next with 429 in the envelope, and frees a place when one hangs up`, async () => {
    const user = await newUser();
    const open = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) {
      const stream = await openStream(user);
      expect(stream.status, `stream ${i + 1}`).toBe(200);
      expect(stream.body).toContain("event: connected");
      open.push(stream);
    }

    const refused = await openStream(user);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toEqual({
      ActionStatus: "FAIL",
      ErrorCode: 60007,
      ErrorInfo: expect.stringContaining(`at most ${MAX_STREAMS_PER_USER} event streams`),
    });

    // The cap is per user: someone else still gets in.
    const other = await openStream(await newUser());
    expect(other.status).toBe(200);
    other.hangUp();

    open[0].hangUp();
    const again = await waitForAsync(async () => {
      const stream = await openStream(user);
      return stream.status === 200 ? stream : undefined;
    });
    expect(again.body).toContain("event: connected");
    for (const stream of [...open.slice(1), again]) stream.hangUp();
  });

  it("stops writing to a client that does not read, instead of buffering its whole backlog, and resumes when it reads again", async () => {
    const user = await newUser();
    // 400 events of 64 KB waiting for the user: 25 MB, far more than the sockets on both ends can hold.
    const EVENTS = 400;
    const customData = "x".repeat(64 * 1024);
    for (let i = 0; i < EVENTS; i++) server.store.events.add([user], "onReceiveRESTCustomData", { groupID: "g", customData }, Date.now());

    const streamResponse = captureStreamResponse(server, user);
    // A client that sends its request, then reads nothing: replaying from the start of the backlog.
    const socket = await rawGet(server, `/client/events?${query(user)}&lastEventId=0`);
    socket.pause();

    const res = await streamResponse;
    await waitFor(() => res.writableNeedDrain);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // What the server holds in memory for this client stays around one event, not the 25 MB backlog.
    expect(res.writableLength).toBeLessThan(512 * 1024);

    // The client reads again: every event arrives, in order.
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")));
    socket.resume();
    await waitFor(() => (text.match(/event: onReceiveRESTCustomData/g)?.length ?? 0) === EVENTS, 15_000);
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(EVENTS);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    socket.destroy();
  }, 30_000);
});

/** The server's side of the next event stream `userId` opens, seen from the HTTP server itself. */
function captureStreamResponse(server: TestServer, userId: string): Promise<ServerResponse> {
  return new Promise((resolve) => {
    const onRequest = (req: IncomingMessage, res: ServerResponse) => {
      if (!req.url?.startsWith("/client/events") || !req.url.includes(`identifier=${userId}`)) return;
      server.app.server.off("request", onRequest);
      resolve(res);
    };
    server.app.server.on("request", onRequest);
  });
}

/** A bare HTTP/1.1 GET over TCP, so the test decides when (and whether) the answer is read. */
function rawGet(server: TestServer, path: string): Promise<Socket> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\n\r\n`);
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

async function waitForAsync<T>(check: () => Promise<T | undefined>, timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
