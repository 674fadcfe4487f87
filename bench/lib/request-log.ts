// The IM server's request log (IM_REQUEST_LOG): one line per request, `<arrival ms> <path>`.
import { readFileSync, statSync } from "node:fs";
import { maxInWindow } from "./stats";

export type LoggedRequest = { at: number; command: string };

export function readRequestLog(file: string): LoggedRequest[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [at, path] = line.split(" ");
      return { at: Number(at), command: path.replace(/^\/v4\//, "") };
    });
}

/** The most requests any sliding one-second window held, per command and over all commands. */
export function peakRates(requests: LoggedRequest[]): { all: number; byCommand: Map<string, number> } {
  const times = new Map<string, number[]>();
  for (const r of requests) {
    if (!times.has(r.command)) times.set(r.command, []);
    times.get(r.command)!.push(r.at);
  }
  const byCommand = new Map([...times].map(([command, t]) => [command, maxInWindow(t)] as const));
  return { all: maxInWindow(requests.map((r) => r.at)), byCommand };
}

/** Resolves once the log has had no new line for `quietMs` (work triggered by webhooks has settled). */
export async function waitForQuiet(file: string, quietMs = 3000, maxMs = 120_000): Promise<void> {
  const end = Date.now() + maxMs;
  let size = -1;
  let since = Date.now();
  while (Date.now() < end) {
    const now = statSync(file).size;
    if (now !== size) [size, since] = [now, Date.now()];
    else if (Date.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}
