// The machine a run was made on, printed with its figures.
import { readFileSync } from "node:fs";
import os from "node:os";

/** The 1-minute load average: on a shared machine, read every figure beside it. */
export const load = () => `load ${os.loadavg()[0].toFixed(2)}`;

export function describeMachine(): string {
  const model = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? "unknown CPU";
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  return `${model}, ${os.availableParallelism()} cores, ${gib} GiB RAM, Node ${process.version}, ${new Date().toISOString()} (load ${load})`;
}
