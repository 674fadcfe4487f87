// Entry point of `npm run im-server`: config → store → demo seed (if asked and empty) → listen.
import { ConfigError, loadConfig } from "./config";
import { seedIfEmpty } from "./seed/seed";
import { buildServer } from "./server";
import { openStore } from "./store/store";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const store = openStore(config.dataDir);
  if (seedIfEmpty(store, config, Math.floor(Date.now() / 1000))) console.log("IM server: seeded the demo data");
  const app = buildServer({ config, store });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "stopping");
    try {
      await app.close();
    } finally {
      store.close();
      process.exit(0);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  // Started by the console's launcher, which holds the other end of stdin: if the launcher dies without
  // stopping us (killed outright), stdin ends, and this server stops rather than live on alone.
  if (process.env.IM_EXIT_WITH_LAUNCHER === "1") {
    process.stdin.on("end", () => void stop("launcher gone"));
    process.stdin.resume();
  }

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const mode = [config.demo && "demo", config.strictTencent && "strict Tencent", config.testMode && "test mode"].filter(Boolean).join(", ");
  console.log(`IM server listening on http://${config.host}:${port} (SDKAppID ${config.sdkAppId}${mode ? `; ${mode}` : ""})`);
}

main().catch((error: unknown) => {
  console.error("IM server failed to start:", error);
  process.exit(1);
});
