import { createServer, type IncomingMessage, type Server } from "node:http";

/**
 * An IM server whose every answer the test decides: slow, down, garbage, or a given Tencent code. Strict:
 * a command nobody scripted is answered with HTTP 500 and recorded in `unexpected`, so a test can fail on it.
 */
export type StubReply =
  | { envelope: Record<string, unknown> }
  | { status: number; text: string }
  /** Accept the request and never answer (slower than any timeout). */
  | { hang: true }
  /** Read the whole request, then close the connection without a word (it broke after the request went out). */
  | { drop: true };

export type StubCall = { command: string; usersig: string; body: unknown };

export const ok = (fields: Record<string, unknown> = {}): StubReply => ({
  envelope: { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", ...fields },
});
export const fail = (code: number, info = "scripted failure", fields: Record<string, unknown> = {}): StubReply => ({
  envelope: { ActionStatus: "FAIL", ErrorCode: code, ErrorInfo: info, ...fields },
});
export const hang: StubReply = { hang: true };
export const drop: StubReply = { drop: true };
export const raw = (status: number, text: string): StubReply => ({ status, text });

export type StubImServer = {
  url: string;
  calls: StubCall[];
  unexpected: string[];
  /** Replies for a command (the last word of the path), used in order; the last one repeats. */
  script(command: string, ...replies: StubReply[]): void;
  callsTo(command: string): StubCall[];
  reset(): void;
  close(): Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startStubImServer(): Promise<StubImServer> {
  const scripts = new Map<string, StubReply[]>();
  const calls: StubCall[] = [];
  const unexpected: string[] = [];

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stub");
    const command = url.pathname.split("/").pop() ?? "";
    calls.push({ command, usersig: url.searchParams.get("usersig") ?? "", body: await readBody(req) });
    const queue = scripts.get(command);
    if (!queue?.length) {
      unexpected.push(command);
      res.writeHead(500).end(`nothing scripted for ${command}`);
      return;
    }
    const reply = queue.length > 1 ? queue.shift()! : queue[0];
    if ("hang" in reply) return;
    if ("drop" in reply) {
      req.socket.destroy();
      return;
    }
    if ("envelope" in reply) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply.envelope));
      return;
    }
    res.writeHead(reply.status, { "content-type": "text/html" }).end(reply.text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    unexpected,
    script: (command, ...replies) => void scripts.set(command, replies),
    callsTo: (command) => calls.filter((c) => c.command === command),
    reset() {
      scripts.clear();
      calls.length = 0;
      unexpected.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
