import path from "node:path";
import type { LaunchPlan } from "./launcher";

/**
 * The two servers as the standalone directory holds them: Next's own `server.js` (it binds by PORT and
 * HOSTNAME, not HOST, and cannot be combined with a custom server — hence the front proxy in front of it)
 * and the bundled local IM server.
 */
export function standalonePlan(dir: string, nodeOptions = process.env.NODE_OPTIONS ?? ""): Omit<LaunchPlan, "prepare"> {
  // A ceiling the operator set in NODE_OPTIONS is theirs: a flag on the command line would override it.
  const heapCeiling = /--max-old-space-size\b/.test(nodeOptions) ? [] : ["--max-old-space-size=1024"];
  return {
    imServer: { command: process.execPath, args: [path.join(dir, "im-server.js")] },
    console: (port) => ({
      command: process.execPath,
      // V8 lets the old space grow up to fourfold past what survived its last full collection when the heap may reach
      // 2 GB or more (its default is 4 GB on a machine with 16 GB), and by less under a smaller ceiling. The console's
      // live heap stays under 100 MB at a million groups: 1 GB is room enough, and a crawl's garbage no longer piles
      // up to several times the live heap before it is collected (docs/directory.md § Memory).
      args: [...heapCeiling, path.join(dir, "server.js")],
      // Idle connections from the front proxy outlive the proxy's own keep-alive (Node's default of 5 s lets
      // Next close one just as the proxy reuses it).
      env: { PORT: String(port), HOSTNAME: "127.0.0.1", KEEP_ALIVE_TIMEOUT: "65000" },
    }),
    upgrades: false,
  };
}
