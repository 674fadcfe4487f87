import { existsSync } from "node:fs";

/** Which Chromium the tests drive: CHROMIUM_PATH, then Debian's, then Playwright's own (undefined). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
}
