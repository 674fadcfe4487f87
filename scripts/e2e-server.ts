// Starts the console and the local IM server for the end-to-end tests: fresh data, demo seed, no simulator.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { E2E } from "../e2e/support/env";

rmSync(E2E.dataDir, { recursive: true, force: true });

const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    SKIP_BUILD: "1",
    PORT: String(E2E.port),
    IM_SERVER_PORT: String(E2E.imPort),
    DATA_DIR: E2E.dataDir,
    IM_DEMO: "1",
    IM_SIMULATOR_RATE: "0",
    IM_TEST_MODE: "1",
    // One line per request would bury the test output: only warnings and errors.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    CONSOLE_ADMIN_EMAIL: E2E.admin.email,
    CONSOLE_ADMIN_PASSWORD: E2E.admin.password,
    FACE_HOSTS: E2E.faceHosts,
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
