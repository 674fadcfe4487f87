import path from "node:path";
import { E2E } from "./env";

// Beside the main pair, on their own ports (E2E_STRICT_PORT, E2E_STRICT_IM_PORT) and data dir (E2E_STRICT_DATA_DIR,
// by default the main one's with "-strict"), so both pairs run in one Playwright run.
const port = Number(process.env.E2E_STRICT_PORT ?? 3810);
const dataDir = path.resolve(process.env.E2E_STRICT_DATA_DIR ?? `${E2E.dataDir}-strict`);

/** The console in front of the local IM server in strict Tencent mode: no extensions, Tencent's rate limits. */
export const STRICT = {
  port,
  imPort: Number(process.env.E2E_STRICT_IM_PORT ?? 5890),
  baseUrl: `http://localhost:${port}`,
  dataDir,
  admin: E2E.admin,
  adminState: path.join(dataDir, "admin-state.json"),
};
