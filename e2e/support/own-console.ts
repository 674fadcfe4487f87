import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { E2E } from "./env";

/**
 * A second console (and, when asked, its own local IM server) for stories that break things: a dead IM
 * server, a console killed mid-way and started again on the same data. Started with the same launcher as
 * `npm start` (reusing the build), on free ports, with data under the e2e data directory.
 */
export const OWN_ADMIN = { email: "admin@own.test", password: "own-console-password" };

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function waitFor(url: string, what: string, seconds = 90, child?: ChildProcess, log?: string[]): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${log?.join("") ?? ""}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(10_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not answer ${url} within ${seconds} s:\n${log?.join("") ?? ""}`);
}

export function start(args: string[], env: NodeJS.ProcessEnv, log: string[]): ChildProcess {
  // Its own process group, so that stopping it stops what it started.
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return child;
}

function signalGroup(child: ChildProcess | undefined, signal: NodeJS.Signals) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

export async function stopped(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  signalGroup(child, "SIGTERM");
  const late = setTimeout(() => signalGroup(child, "SIGKILL"), 5000);
  await exited;
  clearTimeout(late);
}

/** What a console or IM server started by a test gets: a production server on the shared build, and these secrets. */
export function childEnv(secrets: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // The same build as the main test console, wherever it was made.
    ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
    ...(process.env.STANDALONE_DIR ? { STANDALONE_DIR: process.env.STANDALONE_DIR } : {}),
    ...secrets,
  };
}

export type OwnConsole = Awaited<ReturnType<typeof ownConsole>>;

/** `imServer: false` points the console at an address where nothing listens. */
export async function ownConsole(name: string, opts: { imServer: boolean }) {
  const dataDir = path.join(E2E.dataDir, name);
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const imPort = await freePort();
  const secrets = {
    IM_SECRET_KEY: randomBytes(32).toString("hex"),
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    IM_CALLBACK_TOKEN: randomBytes(16).toString("hex"),
  };
  const baseUrl = `http://localhost:${port}`;
  const imUrl = `http://127.0.0.1:${imPort}`;
  const log: string[] = [];
  let im: ChildProcess | undefined;
  let launcher: ChildProcess | undefined;

  const base = childEnv(secrets);

  if (opts.imServer) {
    im = start(
      ["--import", "tsx", "im-server/src/main.ts"],
      {
        ...base,
        IM_SERVER_PORT: String(imPort),
        IM_DATA_DIR: path.join(dataDir, "im"),
        IM_CALLBACK_URL: `http://127.0.0.1:${port}/api/im/callback`,
        IM_DEMO: "0",
        IM_SIMULATOR_RATE: "0",
      },
      log,
    );
    await waitFor(`${imUrl}/health`, "the IM server", 60, im, log);
  }

  /** The Next server the launcher started: its child running `next`, with that child's process group. */
  function nextServer(): { pid: number; group: boolean } | null {
    const table = spawnSync("ps", ["-eo", "pid=,ppid=,pgid=,args="], { encoding: "utf8" }).stdout;
    for (const line of table.split("\n")) {
      const [pid, ppid, pgid, ...args] = line.trim().split(/\s+/);
      if (Number(ppid) === launcher?.pid && /next/.test(args.join(" "))) return { pid: Number(pid), group: pid === pgid };
    }
    return null;
  }

  const handle = {
    baseUrl,
    imUrl,
    dataDir,
    secrets,
    log,
    /** Starts the console (again) on the same data directory and waits until /api/health answers. */
    async start() {
      launcher = start(
        ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
        {
          ...base,
          SKIP_BUILD: "1",
          PORT: String(port),
          DATA_DIR: dataDir,
          IM_BASE_URL: imUrl,
          CONSOLE_ADMIN_EMAIL: OWN_ADMIN.email,
          CONSOLE_ADMIN_PASSWORD: OWN_ADMIN.password,
        },
        log,
      );
      await waitFor(`${baseUrl}/api/health`, "the console", 90, launcher, log);
    },
    /** kill -9 of the console's Next server, mid-whatever it is doing; the IM server keeps running. */
    async crash() {
      const server = nextServer();
      if (!server) throw new Error("the console's server process was not found");
      process.kill(server.group ? -server.pid : server.pid, "SIGKILL");
      // The launcher notices and exits; make sure it is gone before starting again.
      await stopped(launcher);
    },
    /** SIGTERM to the console alone, then start it again on the same data (the IM server keeps running). */
    async restart() {
      await stopped(launcher);
      await handle.start();
    },
    async stop() {
      await stopped(launcher);
      await stopped(im);
    },
  };
  return handle;
}
