import path from "node:path";
import { loadOrCreateSecrets } from "../../im-server/src/secrets-file";

/**
 * The environment both servers start with. Embedded mode (no IM_BASE_URL) needs no configuration:
 * secrets are generated once into the data directory, so restarts keep sessions and data.
 */
export async function resolveLaunchEnv(base: NodeJS.ProcessEnv, opts: { demo: boolean }): Promise<NodeJS.ProcessEnv> {
  const dataDir = path.resolve(base.DATA_DIR ?? ".data");
  const port = base.PORT ?? "3000";
  const env: NodeJS.ProcessEnv = {
    NEXT_TELEMETRY_DISABLED: "1",
    ...base,
    DATA_DIR: dataDir,
    PORT: port,
    NEXTAUTH_URL: base.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  if (base.IM_BASE_URL) return env;
  const secrets = loadOrCreateSecrets(dataDir);
  return {
    ...env,
    IM_SECRET_KEY: base.IM_SECRET_KEY ?? secrets.IM_SECRET_KEY,
    NEXTAUTH_SECRET: base.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
    // An empty value counts as unset, or one side would sign and the other not.
    IM_CALLBACK_TOKEN: base.IM_CALLBACK_TOKEN || secrets.IM_CALLBACK_TOKEN,
    IM_CALLBACK_URL: base.IM_CALLBACK_URL || `http://127.0.0.1:${port}/api/im/callback`,
    IM_DATA_DIR: base.IM_DATA_DIR ?? path.join(dataDir, "im"),
    IM_SERVER_PORT: base.IM_SERVER_PORT ?? "5080",
    IM_DEMO: base.IM_DEMO ?? (opts.demo ? "1" : "0"),
    IM_SIMULATOR_RATE: base.IM_SIMULATOR_RATE ?? (opts.demo ? "6" : "0"),
    CONSOLE_DEMO: base.CONSOLE_DEMO ?? (opts.demo ? "1" : "0"),
    // The embedded IM server tells the console of every group message, so open message lists update live.
    IM_CALLBACK_AFTER_SEND_MSG: base.IM_CALLBACK_AFTER_SEND_MSG ?? "1",
  };
}
