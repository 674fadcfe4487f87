import path from "node:path";
import { E2E } from "./env";

// Beside the main pair, on their own ports (E2E_STRICT_PORT, E2E_STRICT_IM_PORT; by default the main pair's + 710,
// so 3810/5890, and a run that moves the main pair moves this one too) and data dir (E2E_STRICT_DATA_DIR, by default
// the main one's with "-strict").
const OFFSET = 710;
const port = Number(process.env.E2E_STRICT_PORT ?? E2E.port + OFFSET);
const dataDir = path.resolve(process.env.E2E_STRICT_DATA_DIR ?? `${E2E.dataDir}-strict`);

/** The console in front of the local IM server in strict Tencent mode: no extensions, Tencent's rate limits. */
export const STRICT = {
  port,
  imPort: Number(process.env.E2E_STRICT_IM_PORT ?? E2E.imPort + OFFSET),
  baseUrl: `http://localhost:${port}`,
  dataDir,
  admin: E2E.admin,
  adminState: path.join(dataDir, "admin-state.json"),
};
