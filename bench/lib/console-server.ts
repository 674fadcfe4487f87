// The console as it runs in production: the `next build` output started by the project's launcher
// (scripts/start.ts, SKIP_BUILD=1), which also starts the local IM server on a pre-seeded data directory.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { STANDALONE_DIR } from "../../scripts/standalone/paths";
import { descendants, rssMb, startGroup, waitForHttp } from "./processes";

export type ConsoleOptions = {
  port: number;
  imPort: number;
  dataDir: string;
  admin: { email: string; password: string };
  requestLog: string;
  /** In front of an IM server that behaves exactly like Tencent Cloud Chat (the console keeps the inbox). */
  strictTencent?: boolean;
  /**
   * An IM server the benchmark started itself (IM_BASE_URL: no embedded one, and nothing sends webhooks unless the
   * benchmark does), with the secrets both sides share.
   */
  external?: { baseUrl: string; secretKey: string; callbackToken: string; nextAuthSecret: string };
};

// Whatever the calling shell holds for these would point the run elsewhere; the launcher derives them.
const DERIVED = [
  "IM_BASE_URL",
  "IM_DATA_DIR",
  "IM_SECRET_KEY",
  "IM_CALLBACK_URL",
  "IM_CALLBACK_TOKEN",
  "NEXTAUTH_SECRET",
  "NEXTAUTH_URL",
  "IM_STRICT_TENCENT",
];

/** Builds only when there is no standalone build yet (`npm run build`): rebuild after changing the source. */
export function ensureBuild(): void {
  if (existsSync(path.join(STANDALONE_DIR, "start.js"))) return;
  console.log(`no build found in ${STANDALONE_DIR}: running npm run build`);
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed");
}

export async function startConsole(o: ConsoleOptions) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SKIP_BUILD: "1",
    PORT: String(o.port),
    IM_SERVER_PORT: String(o.imPort),
    DATA_DIR: o.dataDir,
    IM_DEMO: "0",
    IM_SIMULATOR_RATE: "0",
    CONSOLE_ADMIN_EMAIL: o.admin.email,
    CONSOLE_ADMIN_PASSWORD: o.admin.password,
    IM_REQUEST_LOG: o.requestLog,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const name of DERIVED) delete env[name];
  if (o.strictTencent) env.IM_STRICT_TENCENT = "1";
  if (o.external) {
    env.IM_BASE_URL = o.external.baseUrl;
    env.IM_SECRET_KEY = o.external.secretKey;
    env.IM_CALLBACK_TOKEN = o.external.callbackToken;
    env.NEXTAUTH_SECRET = o.external.nextAuthSecret;
  }
  const logFile = path.join(o.dataDir, "console.log");
  const service = startGroup("console", ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], env, logFile);
  const base = `http://localhost:${o.port}`;
  await waitForHttp(`${base}/api/health`, 180, service);
  return { service, base, logFile };
}

/**
 * RSS of the console and of the IM server, found among the launcher's descendants: the largest process of
 * each (the Next server, not a small parent process, when there are two).
 */
export function serverMemory(launcherPid: number): { console: number; im: number } {
  const procs = descendants(launcherPid).map((p) => ({ rss: rssMb(p.pid), im: /im-server(\/src\/main\.ts|\.js)/.test(p.command) }));
  const largest = (list: typeof procs) => Math.max(...list.map((p) => p.rss));
  return { console: largest(procs.filter((p) => !p.im)), im: largest(procs.filter((p) => p.im)) };
}
