import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "../../scripts/chromium-path";

// npm run check:deployment -- <url>: the deployment check against a console this run did not start.
export default defineConfig({
  testDir: ".",
  testMatch: /(check\.spec|\.check)\.ts$/,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["./report.ts"]],
  outputDir: process.env.CHECK_OUTPUT_DIR || "../../test-results/deployment",
  use: {
    baseURL: process.env.DEPLOYMENT_URL,
    ...devices["Desktop Chrome"],
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromiumPath(), args: ["--disable-gpu", "--disable-quic"] },
  },
});
