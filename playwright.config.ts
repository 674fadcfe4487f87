import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./scripts/chromium-path";
import { DEPLOYMENT_CHECKER, E2E } from "./e2e/support/env";
import { STRICT } from "./e2e/support/strict-env";

const launcher = {
  command: "node --conditions=react-server --import tsx scripts/e2e-server.ts",
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "pipe",
  stderr: "pipe",
  // The launcher stops the console (up to 12 s while requests finish), then the IM server: give it the time.
  gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
} as const;

// Specs that read global state (totals, every page of the list, the newest-first order) run first, one at a
// time; everything else creates its own groups and users, so it runs two at a time afterwards.
const ORDERED = /(api\/groups|api\/bad-input|stories\/groups-list|stories\/create-group|stories\/live)\.spec\.ts/;

/**
 * End-to-end stories in real Chromium against the real console and the real local IM server, started by
 * the same launcher as `npm start` on their own ports and a fresh data directory (the build is made once by `npm test`).
 */
// The deployment check reads its viewer from the environment, as it does against a real deployment.
process.env.CHECK_EMAIL ??= DEPLOYMENT_CHECKER.email;
process.env.CHECK_PASSWORD ??= DEPLOYMENT_CHECKER.password;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E.baseUrl,
    // A failed story keeps its trace (DOM snapshots, network, console); the screencast is left out: filming every
    // page of every story was a good part of the machine's work.
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumPath(), args: ["--disable-gpu", "--disable-quic"] },
  },
  projects: [
    // The standalone build copied on its own and started as an operator would, and the build's JavaScript
    // weighed against its budget: neither needs a test server.
    { name: "standalone", testMatch: /deploy\/(standalone|js-budget)\.spec\.ts/ },
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    // The deployment check (npm run check:deployment) against the test console, so that it cannot rot.
    { name: "deployment-setup", testMatch: /deployment\/viewer\.setup\.ts/, dependencies: ["setup"] },
    { name: "deployment", testMatch: /deployment\/.*(check\.spec|\.check)\.ts$/, dependencies: ["deployment-setup"] },
    { name: "ordered-api", testMatch: ORDERED, testIgnore: /stories\//, workers: 1, dependencies: ["setup"] },
    {
      name: "ordered-stories",
      testMatch: ORDERED,
      testIgnore: /api\//,
      workers: 1,
      use: { ...devices["Desktop Chrome"], storageState: E2E.adminState },
      dependencies: ["ordered-api"],
    },
    { name: "api", testMatch: /api\/.*\.spec\.ts/, testIgnore: ORDERED, dependencies: ["ordered-stories"] },
    {
      name: "chromium",
      testMatch: /stories\/.*\.spec\.ts/,
      testIgnore: ORDERED,
      use: { ...devices["Desktop Chrome"], storageState: E2E.adminState },
      dependencies: ["ordered-stories"],
    },
    // The moderation stories against an IM server that behaves exactly like Tencent Cloud Chat (no extensions).
    { name: "strict-setup", testMatch: /strict\/strict\.setup\.ts/, use: { baseURL: STRICT.baseUrl } },
    {
      name: "strict",
      testMatch: /strict\/.*\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: STRICT.baseUrl, storageState: STRICT.adminState },
      dependencies: ["strict-setup"],
    },
    // Two console instances on one PostgreSQL database (they start their own servers; skipped without TEST_DATABASE_URL).
    { name: "postgres", testMatch: /postgres\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: [
    { ...launcher, url: `${E2E.baseUrl}/api/health` },
    {
      ...launcher,
      url: `${STRICT.baseUrl}/api/health`,
      env: { E2E_PORT: String(STRICT.port), E2E_IM_PORT: String(STRICT.imPort), E2E_DATA_DIR: STRICT.dataDir, IM_STRICT_TENCENT: "1" },
    },
  ],
});
