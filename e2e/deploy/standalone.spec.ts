import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api";

// What an operator does with a build: copy dist/standalone somewhere on its own (no repository, no dev
// dependencies, nothing above it to resolve packages from), start it with plain node, and sign in.

const STANDALONE = path.resolve(process.env.STANDALONE_DIR || "dist/standalone");
const ADMIN = { email: "admin@standalone.test", password: "standalone-password" };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const megabytes = (p: string): number =>
  statSync(p).isDirectory() ? readdirSync(p).reduce((n, f) => n + megabytes(path.join(p, f)), 0) : statSync(p).size / 1024 / 1024;

let home = "";
let launcher: ChildProcess | undefined;
test.afterEach(async () => {
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher!.once("exit", resolve));
    launcher.kill("SIGTERM");
    await exited;
  }
  if (home) rmSync(home, { recursive: true, force: true });
});

test("the standalone directory, copied alone, starts with node start.js and lets its admin sign in and list groups", async () => {
  test.setTimeout(150_000);
  home = mkdtempSync(path.join(tmpdir(), "console-standalone-"));
  const app = path.join(home, "console");
  cpSync(STANDALONE, app, { recursive: true, verbatimSymlinks: true });
  const [port, imPort] = [await freePort(), await freePort()];
  const started = Date.now();
  let output = "";
  const child = spawn(process.execPath, ["start.js"], {
    cwd: app,
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH,
      PORT: String(port),
      IM_SERVER_PORT: String(imPort),
      DATA_DIR: path.join(home, "data"),
      CONSOLE_ADMIN_EMAIL: ADMIN.email,
      CONSOLE_ADMIN_PASSWORD: ADMIN.password,
      IM_SIMULATOR_RATE: "0",
      LOG_LEVEL: "warn",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  launcher = child;
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));

  await expect
    .poll(() => output.includes("Group Console is ready") || child.exitCode !== null, { timeout: 120_000, intervals: [500] })
    .toBe(true);
  expect(child.exitCode, output).toBeNull();
  const startSeconds = (Date.now() - started) / 1000;

  const api = await signedInApi(ADMIN.email, ADMIN.password, `http://127.0.0.1:${port}`);
  const groups = await api.get("/api/groups?limit=5");
  expect(groups.status()).toBe(200);
  expect((await groups.json()).items.length).toBeGreaterThan(0);
  await api.dispose();

  test.info().annotations.push({
    type: "standalone",
    description: `${megabytes(STANDALONE).toFixed(1)} MB, ready (demo data seeded, first crawl done) ${startSeconds.toFixed(1)} s after node start.js`,
  });
  console.log(`standalone: ${megabytes(STANDALONE).toFixed(1)} MB; ready ${startSeconds.toFixed(1)} s after node start.js`);
});
