// npm run check:deployment -- <url>: runs the deployment check (e2e/deployment) against a console that is already
// running, as the viewer CHECK_EMAIL / CHECK_PASSWORD. Changes nothing there; exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const url = process.argv[2];
const usage = "usage: npm run check:deployment -- <url>   (with CHECK_EMAIL and CHECK_PASSWORD of a viewer account)";
let target: URL;
try {
  target = new URL(url ?? "");
  if (target.protocol !== "http:" && target.protocol !== "https:") throw new Error();
} catch {
  console.error(url ? `not an http(s) URL: ${url}\n${usage}` : usage);
  process.exit(2);
}
if (!process.env.CHECK_EMAIL || !process.env.CHECK_PASSWORD) {
  console.error(`Set CHECK_EMAIL and CHECK_PASSWORD to a viewer account of ${target.origin}.\n${usage}`);
  process.exit(2);
}

const cli = createRequire(import.meta.url).resolve("@playwright/test/cli");
const run = spawnSync(process.execPath, [cli, "test", "--config", "e2e/deployment/playwright.config.ts"], {
  stdio: "inherit",
  env: { ...process.env, DEPLOYMENT_URL: target.origin },
});
process.exit(run.status ?? 1);
