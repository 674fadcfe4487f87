import path from "node:path";
import type { LaunchPlan } from "./launcher";

/**
 * The two servers as the standalone directory holds them: Next's own `server.js` (it binds by PORT and
 * HOSTNAME, not HOST, and cannot be combined with a custom server — hence the front proxy in front of it)
 * and the bundled local IM server.
 */
export function standalonePlan(dir: string): Omit<LaunchPlan, "prepare"> {
  return {
    imServer: { command: process.execPath, args: [path.join(dir, "im-server.js")] },
    console: (port) => ({
      command: process.execPath,
      args: [path.join(dir, "server.js")],
      // Idle connections from the front proxy outlive the proxy's own keep-alive (Node's default of 5 s lets
      // Next close one just as the proxy reuses it).
      env: { PORT: String(port), HOSTNAME: "127.0.0.1", KEEP_ALIVE_TIMEOUT: "65000" },
    }),
    upgrades: false,
  };
}
