// Test helpers for outbound alerts: a real HTTP receiver on a free local port, which keeps every request it got
// (headers and the exact body) and answers the statuses it is told to (200 once they run out); and applications
// written straight into the applications model at a chosen time.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { Store } from "@/lib/server/store/store";

let nextId = 1000;

/** An application to `groupId` created at `at` (ms), straight into the applications model; answers its ID. */
export async function addApplication(db: Store, groupId: string, at: number, status = "pending"): Promise<string> {
  const id = nextId++;
  await db.run("INSERT INTO inbox_applications (id, group_id, requester_id, message, status, created_at) VALUES (?, ?, ?, '', ?, ?)", [
    id,
    groupId,
    `user_${id}`,
    status,
    new Date(at).toISOString(),
  ]);
  return String(id);
}

export type ReceivedAlert = {
  headers: IncomingHttpHeaders;
  body: string;
  json: { kind?: string; at?: string; items?: unknown[]; text?: string };
};

export type AlertReceiver = {
  url: string;
  received: ReceivedAlert[];
  /** Statuses for the next requests, in order. */
  answer: (...statuses: number[]) => void;
  close: () => Promise<void>;
};

export async function startAlertReceiver(): Promise<AlertReceiver> {
  const received: ReceivedAlert[] = [];
  const statuses: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: req.headers, body, json: JSON.parse(body) as ReceivedAlert["json"] });
      res.writeHead(statuses.shift() ?? 200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/console`,
    received,
    answer: (...s) => statuses.push(...s),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
