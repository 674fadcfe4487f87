import http from "node:http";
import { isIP, type Socket } from "node:net";
import type { Duplex } from "node:stream";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/platform/client-address";

/**
 * The console's public port. Next's route handlers never see the socket a request came on, and Next fills in
 * X-Forwarded-For only when the request has none, so a client could choose the address the sign-in throttle
 * counts. This small reverse proxy listens on HOST:PORT, Next behind it on a loopback port; it removes every
 * forwarding header a client sent and sets one, `x-console-client-address`, from the socket, or from the
 * X-Forwarded-For entries of as many proxies in front of it as TRUST_PROXY says to believe.
 *
 * Written by hand (Node's http, about a hundred lines): what it must do is small and exact (strip, set, stream
 * both ways without buffering, pass aborts on, WebSocket upgrades for `next dev`), and the proxy packages that
 * run on Node 20 are unmaintained.
 */
/** Headers a client may write that name an address, host or scheme: only the proxy's own may reach Next. */
const FORWARDING = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "x-client-ip",
  CLIENT_ADDRESS_HEADER,
];
/** Per connection, not per message (RFC 9110 §7.6.1): never passed on. */
const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];

const plain = (address: string | undefined) =>
  address?.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : (address ?? "");

/**
 * The client's address: the socket's when no proxy is trusted; else the entry `trustProxy` hops to the left of
 * the socket in X-Forwarded-For (each trusted proxy appended the address it saw). Anything left of that was
 * written by whoever connected to the outermost trusted proxy, and is ignored.
 */
export function clientAddressOf(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: number,
): string {
  const socket = plain(socketAddress) || "unknown";
  if (trustProxy <= 0) return socket;
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...listed, socket];
  // Fewer entries than trusted hops: the request did not come through all of them (it reached a proxy, or this
  // port, directly), so every entry is the client's own writing.
  if (chain.length <= trustProxy) return socket;
  const client = plain(chain[chain.length - 1 - trustProxy]);
  return isIP(client) ? client : socket;
}

function forwardHeaders(req: http.IncomingMessage, trustProxy: number): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { ...req.headers };
  const upgrade = req.headers.upgrade;
  for (const name of HOP_BY_HOP) delete headers[name];
  // What trusted proxies say of the host and scheme the browser used stays; from anyone else it goes.
  const keep = trustProxy > 0 ? { host: req.headers["x-forwarded-host"], proto: req.headers["x-forwarded-proto"] } : {};
  for (const name of FORWARDING) delete headers[name];
  const client = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustProxy);
  headers[CLIENT_ADDRESS_HEADER] = client;
  headers["x-forwarded-for"] = client;
  if (keep.host) headers["x-forwarded-host"] = keep.host;
  if (keep.proto) headers["x-forwarded-proto"] = keep.proto;
  if (upgrade) Object.assign(headers, { connection: "upgrade", upgrade });
  return headers;
}

function responseHeaders(res: http.IncomingMessage): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { ...res.headers };
  for (const name of HOP_BY_HOP) delete headers[name];
  return headers;
}

function unavailable(req: http.IncomingMessage, res: http.ServerResponse) {
  if (res.headersSent) return void res.destroy();
  // The API answers in its error contract even now; a page gets a line of text.
  const api = req.url?.startsWith("/api/");
  res.writeHead(api ? 500 : 502, { "content-type": api ? "application/json" : "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(
    api
      ? JSON.stringify({ error: { code: "internal", message: "The console is not answering. Try again in a moment" } })
      : "The console is not answering. Try again in a moment.\n",
  );
}

export type FrontProxy = { server: http.Server; close(): Promise<void> };

/** `upgrades`: pass WebSocket upgrades on (`next dev` needs them for hot reload; the production console has none). */
export async function startFrontProxy(opts: {
  host: string;
  port: number;
  target: { host: string; port: number };
  trustProxy: number;
  upgrades?: boolean;
}): Promise<FrontProxy> {
  const agent = new http.Agent({ keepAlive: true });
  const upstream = (req: http.IncomingMessage) =>
    http.request({
      agent,
      host: opts.target.host,
      port: opts.target.port,
      method: req.method,
      path: req.url,
      headers: forwardHeaders(req, opts.trustProxy),
    });

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, retried = false) => {
    const proxied = upstream(req);
    proxied.on("response", (answer) => {
      const headers = responseHeaders(answer);
      // Answered before the body was read (413 for a body over 1 MB): the rest of it is still on its way, so this
      // connection cannot carry another request. Say so, or the client's next request on it meets a reset.
      if (!req.complete) headers.connection = "close";
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
      // Event streams must not wait for a buffer to fill.
      res.flushHeaders();
      answer.pipe(res);
      // Next dropped the connection mid-answer (killed, or a stream cut): end the client's too, or an event
      // stream would hang open and silent, and EventSource would never reconnect.
      answer.once("close", () => {
        if (!answer.complete) res.destroy();
      });
    });
    proxied.on("error", (err: NodeJS.ErrnoException) => {
      // An idle connection to Next that Next closed just as it was reused: a read is safe to send again, once.
      if (
        !retried &&
        proxied.reusedSocket &&
        err.code === "ECONNRESET" &&
        (req.method === "GET" || req.method === "HEAD") &&
        !res.headersSent
      ) {
        return forward(req, res, true);
      }
      unavailable(req, res);
    });
    // A client that leaves (a closed tab's event stream) must end the request in Next too, or its slot stays taken.
    res.once("close", () => {
      if (!res.writableFinished) proxied.destroy();
    });
    if (retried) proxied.end();
    else req.pipe(proxied);
  };
  const server = http.createServer((req, res) => forward(req, res));

  server.on("upgrade", (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the socket over without an error listener: a client resetting it must not crash the launcher.
    socket.on("error", () => socket.destroy());
    if (!opts.upgrades) return void socket.destroy();
    const proxied = upstream(req);
    socket.once("close", () => proxied.destroy());
    proxied.on("upgrade", (answer, upstreamSocket: Socket, upstreamHead: Buffer) => {
      const lines = [
        `HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`,
        ...Object.entries(answer.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : v}`),
      ];
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (upstreamHead.length) socket.write(upstreamHead);
      if (head.length) upstreamSocket.write(head);
      upstreamSocket.pipe(socket).pipe(upstreamSocket);
      upstreamSocket.on("error", () => socket.destroy());
      socket.on("error", () => upstreamSocket.destroy());
    });
    proxied.on("response", () => socket.destroy());
    proxied.on("error", () => socket.destroy());
    proxied.end();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
