import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { createServer, type AddressInfo } from "node:net";

export type Service = { name: string; child: ChildProcess };

/**
 * Starts a child in its own process group, so stopping it also stops anything it started. Its stdin is a pipe
 * from this process: a child that watches it (the IM server) stops when the launcher is gone, even killed.
 */
export function startService(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  { hideLines }: { hideLines?: RegExp } = {},
): Service {
  const child = spawn(command, args, { env, stdio: ["pipe", hideLines ? "pipe" : "inherit", "inherit"], detached: true });
  // Lines the child prints that would mislead here (Next's own banner names the loopback port behind the proxy).
  if (hideLines && child.stdout)
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (!hideLines.test(line)) process.stdout.write(`${line}\n`);
    });
  return { name, child };
}

export function stopService(service: Service, signal: NodeJS.Signals = "SIGTERM") {
  if (service.child.exitCode !== null || service.child.pid === undefined) return;
  try {
    process.kill(-service.child.pid, signal);
  } catch {
    /* already gone */
  }
}

const STOP_GRACE_MS = 12_000;

/** SIGTERM each service and wait for it to exit (SIGKILL after a grace period), one after another. */
export async function stopServicesInOrder(services: Service[]): Promise<void> {
  for (const s of services) {
    if (s.child.exitCode !== null || s.child.signalCode !== null) continue;
    const exited = new Promise<void>((resolve) => s.child.once("exit", () => resolve()));
    stopService(s);
    const late = setTimeout(() => stopService(s, "SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(late);
  }
}

/** Resolves when the URL answers below 500, rejects after `seconds` or when the service exits first. */
export async function waitForHttp(url: string, seconds: number, service?: Service): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (service && service.child.exitCode !== null) throw new Error(`${service.name} exited with code ${service.child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

/** "Ready" means the groups list has data: wait for the console's first directory crawl to finish. */
export async function waitForFirstCrawl(healthUrl: string, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const health = await fetch(healthUrl)
      .then((r) => r.json())
      .catch(() => null);
    if (health?.directory?.lastFullCrawlAt) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.warn("The group directory is still being filled; the groups list will complete shortly.");
}

/** A port nothing listens on right now, on loopback: for Next behind the front proxy. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
