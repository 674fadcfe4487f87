// Longer than 250 lines: the front proxy's promises (the address it believes, bodies, broken connections)
// against real sockets, sharing the servers it starts.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddressOf, startFrontProxy, type FrontProxy } from "./front-proxy";

describe("the client address the console believes", () => {
  it.each([
    ["the socket's, with no proxy trusted, whatever X-Forwarded-For says", "203.0.113.7", "6.6.6.6", 0, "203.0.113.7"],
    ["the socket's IPv4, not its IPv6-mapped spelling", "::ffff:127.0.0.1", undefined, 0, "127.0.0.1"],
    ["the entry the trusted proxy appended, not one the client wrote before it", "10.0.0.2", "6.6.6.6, 198.51.100.4", 1, "198.51.100.4"],
    ["two trusted hops: two entries to the left of the socket", "10.0.0.2", "6.6.6.6, 198.51.100.4, 10.0.0.9", 2, "198.51.100.4"],
    ["the socket's when there are fewer entries than trusted hops (the request skipped a proxy)", "10.0.0.2", "6.6.6.6", 2, "10.0.0.2"],
    ["an entry that is no address: the socket's", "10.0.0.2", "<script>, not-an-ip", 1, "10.0.0.2"],
    ["several X-Forwarded-For headers read as one list", "10.0.0.2", ["6.6.6.6", "198.51.100.4"], 1, "198.51.100.4"],
  ])("is %s", (_, socket, forwarded, trust, expected) => {
    expect(clientAddressOf(socket, forwarded, trust)).toBe(expected);
  });
});

describe("the front proxy", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  /** Next's stand-in: answers with the headers it got, or streams when asked. */
  async function upstream(handler?: http.RequestListener) {
    const server = http.createServer(handler ?? ((req, res) => res.end(JSON.stringify(req.headers))));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    closers.push(
      () =>
        new Promise<void>((r) => {
          server.closeAllConnections();
          server.close(() => r());
        }),
    );
    return server;
  }
  async function proxyTo(server: http.Server, trustProxy = 0): Promise<FrontProxy> {
    const proxy = await startFrontProxy({
      host: "127.0.0.1",
      port: 0,
      target: { host: "127.0.0.1", port: (server.address() as AddressInfo).port },
      trustProxy,
    });
    closers.push(() => proxy.close());
    return proxy;
  }
  const portOf = (p: FrontProxy) => (p.server.address() as AddressInfo).port;

  function get(
    proxy: FrontProxy,
    opts: { headers?: http.OutgoingHttpHeaders; localAddress?: string } = {},
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port: portOf(proxy), path: "/api/me?x=1", headers: opts.headers, localAddress: opts.localAddress },
        (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.end();
    });
  }

  it("drops every forwarding header a client wrote, and names the socket's address instead", async () => {
    const proxy = await proxyTo(await upstream());
    const forged = {
      "x-forwarded-for": "6.6.6.6",
      "x-console-client-address": "6.6.6.6",
      forwarded: "for=6.6.6.6",
      "x-real-ip": "6.6.6.6",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    };
    const seen = JSON.parse((await get(proxy, { headers: forged, localAddress: "127.0.0.5" })).body);
    expect(seen).toMatchObject({
      "x-console-client-address": "127.0.0.5",
      "x-forwarded-for": "127.0.0.5",
      host: `127.0.0.1:${portOf(proxy)}`,
    });
    for (const name of ["forwarded", "x-real-ip", "x-forwarded-host", "x-forwarded-proto"]) expect(seen).not.toHaveProperty(name);
  });

  it("behind a trusted proxy, takes the address that proxy saw, and its host and scheme", async () => {
    const proxy = await proxyTo(await upstream(), 1);
    const seen = JSON.parse(
      (
        await get(proxy, {
          headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.4", "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" },
        })
      ).body,
    );
    expect(seen).toMatchObject({
      "x-console-client-address": "198.51.100.4",
      "x-forwarded-host": "console.example.com",
      "x-forwarded-proto": "https",
    });
  });

  it("passes an event stream on as it is written, and a client leaving ends the request upstream", async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((r) => (upstreamClosed = r));
    const proxy = await proxyTo(
      await upstream((req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(": connected\n\n");
        req.on("close", upstreamClosed);
      }),
    );
    const first = await new Promise<string>((resolve) => {
      const req = http.get({ host: "127.0.0.1", port: portOf(proxy), path: "/api/events" }, (res) =>
        res.once("data", (chunk) => {
          resolve(String(chunk));
          req.destroy();
        }),
      );
    });
    expect(first).toBe(": connected\n\n");
    await closed;
  });

  it("answers in the error contract when Next is not there", async () => {
    const server = await upstream();
    const proxy = await proxyTo(server);
    await new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
    const res = await get(proxy);
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body)).toEqual({ error: { code: "internal", message: expect.any(String) } });
  });
});

describe("the front proxy and a body answered before it was read", () => {
  it("closes that connection, so no next request on it meets a reset", async () => {
    const next = http.createServer((req, res) => {
      res.writeHead(413, { "content-type": "application/json" });
      res.end('{"error":{"code":"payload_too_large","message":"over 1 MB"}}');
    });
    await new Promise<void>((r) => next.listen(0, "127.0.0.1", r));
    const proxy = await startFrontProxy({
      host: "127.0.0.1",
      port: 0,
      target: { host: "127.0.0.1", port: (next.address() as AddressInfo).port },
      trustProxy: 0,
    });
    try {
      const answer = await new Promise<http.IncomingMessage>((resolve, reject) => {
        const req = http.request(
          {
            host: "127.0.0.1",
            port: (proxy.server.address() as AddressInfo).port,
            method: "POST",
            path: "/api/groups",
            headers: { "transfer-encoding": "chunked" },
          },
          resolve,
        );
        req.on("error", reject);
        req.write(Buffer.alloc(64 * 1024));
      });
      expect(answer.statusCode).toBe(413);
      expect(answer.headers.connection).toBe("close");
      answer.resume();
    } finally {
      await proxy.close();
      next.closeAllConnections();
      await new Promise<void>((r) => next.close(() => r()));
    }
  });
});

describe("the front proxy and connections that go wrong", () => {
  const started: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const s of started.splice(0)) await s.close();
  });
  async function pair(handler: http.RequestListener, upgrades = false) {
    const next = http.createServer(handler);
    await new Promise<void>((r) => next.listen(0, "127.0.0.1", r));
    started.push({
      close: () =>
        new Promise<void>((r) => {
          next.closeAllConnections();
          next.close(() => r());
        }),
    });
    const proxy = await startFrontProxy({
      host: "127.0.0.1",
      port: 0,
      target: { host: "127.0.0.1", port: (next.address() as AddressInfo).port },
      trustProxy: 0,
      upgrades,
    });
    started.unshift(proxy);
    return (proxy.server.address() as AddressInfo).port;
  }

  it("a client that asks to upgrade and then resets the connection crashes nothing", async () => {
    let arrived!: () => void;
    const atNext = new Promise<void>((r) => (arrived = r));
    const next = http.createServer();
    const upgraded: Duplex[] = [];
    // Next (in dev) takes the upgrade and is slow to answer it.
    next.on("upgrade", (_req, socket: Duplex) => {
      socket.on("error", () => {});
      upgraded.push(socket);
      arrived();
    });
    await new Promise<void>((r) => next.listen(0, "127.0.0.1", r));
    started.push({
      close: () =>
        new Promise<void>((r) => {
          upgraded.forEach((u) => u.destroy());
          next.closeAllConnections();
          next.close(() => r());
        }),
    });
    const proxy = await startFrontProxy({
      host: "127.0.0.1",
      port: 0,
      target: { host: "127.0.0.1", port: (next.address() as AddressInfo).port },
      trustProxy: 0,
      upgrades: true,
    });
    started.unshift(proxy);
    const crashed: unknown[] = [];
    const onCrash = (err: unknown) => crashed.push(err);
    process.on("uncaughtException", onCrash);
    try {
      const socket = net.connect((proxy.server.address() as AddressInfo).port, "127.0.0.1");
      socket.on("error", () => {});
      await new Promise<void>((r) => socket.once("connect", () => r()));
      socket.write("GET /_next/webpack-hmr HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n");
      await atNext;
      socket.resetAndDestroy();
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      process.off("uncaughtException", onCrash);
    }
    expect(crashed).toEqual([]);
  });

  it("when Next drops an event stream mid-way, the client's connection ends too, so it can reconnect", async () => {
    const port = await pair((req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(": connected\n\n");
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const ended = await new Promise<string>((resolve) => {
      http.get({ host: "127.0.0.1", port, path: "/api/events" }, (res) => {
        res.on("data", () => {});
        res.on("close", () => resolve("closed"));
      });
    });
    expect(ended).toBe("closed");
  });
});
