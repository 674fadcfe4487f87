// The start sequence shared by `npm start`, `npm run dev` and `node dist/standalone/start.js`: environment →
// the local IM server (embedded mode) → migrations and the bootstrap admin → the console on a loopback port →
// the front proxy on the public one → wait for the first crawl → say how to sign in.
import path from "node:path";
import { bootstrapAdmin } from "@/lib/server/users/bootstrap-admin";
import { EnvError, getEnv } from "@/lib/server/platform/env";
import { openStore } from "@/lib/server/store/open-store";
import { resolveLaunchEnv } from "./embedded-env";
import { startFrontProxy, type FrontProxy } from "./front-proxy";
import { freeLoopbackPort, startService, stopServicesInOrder, waitForFirstCrawl, waitForHttp, type Service } from "./processes";

export type Command = { command: string; args: string[]; env?: Record<string, string> };

/** How this build runs its two servers: from a checkout (tsx, next) or from the standalone directory. */
export type LaunchPlan = {
  /** Runs before anything starts (npm start builds the console first), with the launch environment. */
  prepare?: (env: NodeJS.ProcessEnv) => Promise<void>;
  imServer: Command;
  /** The console listening on 127.0.0.1 at `port`, behind the front proxy. */
  console: (port: number) => Command;
  /** WebSocket upgrades through the front proxy: only for next dev's hot reload. */
  upgrades: boolean;
};

const services: Service[] = [];
let front: FrontProxy | undefined;
let stopping = false;

/** The console first (its requests in flight may still call the IM server), then the IM server; then exit. */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await stopServicesInOrder([...services].reverse());
  // Last: requests that were in flight while the console drained went out through it.
  await front?.close();
  process.exit(code);
}

export function launch(plan: LaunchPlan): void {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  run(plan).catch((err) => {
    console.error(err instanceof EnvError ? err.message : err);
    void shutdown(1);
  });
}

async function run(plan: LaunchPlan) {
  const env = await resolveLaunchEnv(process.env, { demo: process.env.IM_DEMO !== "0" });
  const config = getEnv(env);
  await plan.prepare?.(env);

  if (config.embedded) {
    const { command, args, env: own } = plan.imServer;
    const im = startService("IM server", command, args, { ...env, ...own, IM_EXIT_WITH_LAUNCHER: "1" });
    services.push(im);
    await waitForHttp(`http://127.0.0.1:${env.IM_SERVER_PORT}/health`, 60, im);
  }

  const db = openStore({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, "console.sqlite") });
  const admin = await bootstrapAdmin(db, config.admin);
  await db.close();

  // Next listens on loopback only; the public port is the front proxy's, which tells Next each client's address.
  const nextPort = await freeLoopbackPort();
  const { command, args, env: own } = plan.console(nextPort);
  // Next's banner names its loopback port, which nobody should open: the console's address is printed below.
  const consoleProcess = startService(
    "console",
    command,
    args,
    { ...env, ...own, CONSOLE_EXIT_WITH_LAUNCHER: "1" },
    { hideLines: /^\s*(▲ Next\.js|- (Local|Network|Environments?):|✓ (Starting|Ready in|Running next\.config))/ },
  );
  services.push(consoleProcess);
  front = await startFrontProxy({
    host: config.host,
    port: config.port,
    target: { host: "127.0.0.1", port: nextPort },
    trustProxy: config.trustProxy,
    upgrades: plan.upgrades,
  });
  const local = `http://${config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host.includes(":") ? `[${config.host}]` : config.host}:${config.port}`;
  await waitForHttp(`${local}/api/health`, 120, consoleProcess);
  await waitForFirstCrawl(`${local}/api/health`, 120);

  for (const s of services)
    s.child.on("exit", (code) => {
      console.error(`${s.name} stopped (exit ${code}); stopping the rest.`);
      void shutdown(code ?? 1);
    });

  const password = admin.generatedPassword
    ? `${admin.generatedPassword}   (generated now and shown only once; set CONSOLE_ADMIN_PASSWORD to choose another)`
    : config.admin.password
      ? "the value of CONSOLE_ADMIN_PASSWORD"
      : "the one printed on the first start (set CONSOLE_ADMIN_PASSWORD to reset it)";
  console.log(
    [
      "",
      "  Group Console is ready",
      `    open      ${config.nextAuthUrl}${config.host === "127.0.0.1" ? "   (this machine only; set HOST=0.0.0.0 to listen on every interface)" : `   (listening on ${config.host})`}`,
      `    sign in   ${admin.email}`,
      `    password  ${password}`,
      `    IM server ${config.embedded ? `local, data in ${path.relative(process.cwd(), env.IM_DATA_DIR ?? "") || "."}` : "external (IM_BASE_URL)"}`,
      "",
    ].join("\n"),
  );
}
