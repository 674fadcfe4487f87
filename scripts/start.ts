// npm start — builds the console, starts the local IM server (embedded mode) and the console, and says how to sign in.
//   --dev        next dev instead of a production build
//   SKIP_BUILD=1 reuse the existing build (the tests build once, then start many times)
import { createRequire } from "node:module";
import path from "node:path";
import { bootstrapAdmin } from "@/lib/server/users/bootstrap-admin";
import { EnvError, getEnv } from "@/lib/server/platform/env";
import { openStore } from "@/lib/server/store/open-store";
import { resolveLaunchEnv } from "./launch/embedded-env";
import { startFrontProxy, type FrontProxy } from "./launch/front-proxy";
import { freeLoopbackPort, run, startService, stopServicesInOrder, waitForFirstCrawl, waitForHttp, type Service } from "./launch/processes";

const dev = process.argv.includes("--dev");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
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
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  const env = await resolveLaunchEnv(process.env, { demo: process.env.IM_DEMO !== "0" });
  const config = getEnv(env);

  if (!dev && env.SKIP_BUILD !== "1") await run(process.execPath, [nextBin, "build"], env);

  if (config.embedded) {
    const im = startService("IM server", process.execPath, ["--import", "tsx", "im-server/src/main.ts"], {
      ...env,
      IM_EXIT_WITH_LAUNCHER: "1",
    });
    services.push(im);
    await waitForHttp(`http://127.0.0.1:${env.IM_SERVER_PORT}/health`, 60, im);
  }

  const db = openStore({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, "console.sqlite") });
  const admin = await bootstrapAdmin(db, config.admin);
  await db.close();

  // Next listens on loopback only; the public port is the front proxy's, which tells Next each client's address.
  const nextPort = await freeLoopbackPort();
  // Next keeps idle connections from the proxy longer than the proxy keeps them (65 s; Node's default of 5 s lets
  // Next close one just as the proxy reuses it).
  const nextArgs = dev ? ["dev"] : ["start", "--keepAliveTimeout", "65000"];
  const consoleProcess = startService("console", process.execPath, [nextBin, ...nextArgs, "-H", "127.0.0.1", "-p", String(nextPort)], {
    ...env,
    CONSOLE_EXIT_WITH_LAUNCHER: "1",
  });
  services.push(consoleProcess);
  front = await startFrontProxy({
    host: config.host,
    port: config.port,
    target: { host: "127.0.0.1", port: nextPort },
    trustProxy: config.trustProxy,
    upgrades: dev,
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

main().catch((err) => {
  console.error(err instanceof EnvError ? err.message : err);
  void shutdown(1);
});
