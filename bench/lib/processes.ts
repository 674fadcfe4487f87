// Child processes of a benchmark: each in its own process group, output to a log file, and all stopped
// when the benchmark ends — normally, by an error, or by Ctrl-C.
import { spawn } from "node:child_process";
import { openSync, readdirSync, readFileSync } from "node:fs";
import type { Service } from "../../scripts/launch/processes";

export { waitForHttp } from "../../scripts/launch/processes";

const running: Service[] = [];

export function startGroup(name: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Service {
  const out = openSync(logFile, "a");
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", out, out], detached: true });
  const service = { name, child };
  running.push(service);
  return service;
}

function kill(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    /* already gone */
  }
}

/** Alive and not a zombie. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/**
 * SIGTERM to the service's group, then SIGKILL to whatever of it and its descendants is left after `graceMs`
 * (a launcher may start its own children in groups of their own).
 */
export async function stopGroup(service: Service, graceMs = 8000): Promise<void> {
  const root = service.child.pid;
  if (root === undefined) return;
  const pids = [root, ...descendants(root).map((d) => d.pid)];
  kill(-root, "SIGTERM");
  const end = Date.now() + graceMs;
  while (pids.some(alive) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids) kill(pid, "SIGKILL");
  kill(-root, "SIGKILL");
}

function stopAllNow() {
  for (const { child } of running) {
    if (child.pid === undefined) continue;
    for (const d of descendants(child.pid)) kill(d.pid, "SIGKILL");
    kill(-child.pid, "SIGKILL");
  }
}
process.on("exit", stopAllNow);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopAllNow();
    process.exit(130);
  });
}

/** Resident memory in MB, from /proc/<pid>/status (VmRSS). */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)\s+kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

/** Every live descendant of `root`, with its command line. */
export function descendants(root: number): { pid: number; command: string }[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone meanwhile */
    }
  }
  const found: { pid: number; command: string }[] = [];
  const visit = (pid: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== pid) continue;
      try {
        found.push({ pid: child, command: readFileSync(`/proc/${child}/cmdline`, "utf8").replace(/\0/g, " ").trim() });
      } catch {
        continue;
      }
      visit(child);
    }
  };
  visit(root);
  return found;
}
