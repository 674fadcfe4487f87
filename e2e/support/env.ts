import path from "node:path";

// Ports and data dir can be moved (E2E_PORT, E2E_IM_PORT, E2E_DATA_DIR) so two suites can run side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? ".data-e2e");

/** One place for the test servers' ports, data and credentials (nothing here is a real secret). */
export const E2E = {
  port,
  imPort: Number(process.env.E2E_IM_PORT ?? 5180),
  baseUrl: `http://localhost:${port}`,
  dataDir,
  admin: { email: "admin@e2e.test", password: "e2e-admin-password" },
  adminState: path.join(dataDir, "admin-state.json"),
  /** The face hosts the test console allows (FACE_HOSTS): faces.spec.ts shows one listed and one not. */
  faceHosts: process.env.FACE_HOSTS ?? "faces.e2e.test,*.cdn.e2e.test",
};

/** The viewer the deployment check signs in as, when npm test runs it against the test console. */
export const DEPLOYMENT_CHECKER = { email: "deployment-check@e2e.test", password: "deployment-check-password" };
