import path from "node:path";

/** One place for the test servers' ports, data and credentials (nothing here is a real secret). */
export const E2E = {
  port: 3100,
  imPort: 5180,
  baseUrl: "http://localhost:3100",
  dataDir: path.resolve(".data-e2e"),
  admin: { email: "admin@e2e.test", password: "e2e-admin-password" },
  adminState: path.resolve(".data-e2e/admin-state.json"),
};
