// An IM server process on a seeded data directory, spoken to over HTTP with the real protocol (admin UserSig),
// and its resident memory sampled while it works (the peak is what a memory goal is about).
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { type ImCaller, imCaller } from "./im-rest";
import { rssMb, startGroup, stopGroup, waitForHttp } from "./processes";

export const BENCH_IM = { sdkAppId: 1400000000, secretKey: "bench-secret-key-0123456789abcdef", adminId: "administrator" };

export type ImProcess = { call: ImCaller; rss: () => number; peakRss: () => number; stop: () => Promise<void> };

/** Starts `main` (the IM server's entry, this tree's unless told) on `dataDir` and waits for its health check. */
export async function startImServer(dataDir: string, port: number, label: string, main = "im-server/src/main.ts"): Promise<ImProcess> {
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    IM_DATA_DIR: dataDir,
    IM_SERVER_PORT: String(port),
    IM_SECRET_KEY: BENCH_IM.secretKey,
    IM_SDKAPPID: String(BENCH_IM.sdkAppId),
    IM_ADMIN_ID: BENCH_IM.adminId,
    IM_DEMO: "0",
    IM_SIMULATOR_RATE: "0",
    IM_STRICT_TENCENT: "0",
    IM_CALLBACK_URL: "",
    IM_LOG_LEVEL: "warn",
  };
  const server = startGroup(label, ["--import", "tsx", main], env, path.join(dataDir, `${label.replace(/\W+/g, "-")}.log`));
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/health`, 120, server);
  const pid = server.child.pid!;
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
  return {
    call: imCaller(base, BENCH_IM),
    rss: () => rssMb(pid),
    peakRss: () => Math.max(peak, rssMb(pid)),
    stop: async () => {
      clearInterval(sampler);
      await stopGroup(server);
    },
  };
}

/**
 * BENCH_IM_BEFORE names an older IM server's entry (e.g. an extracted `git archive` of an earlier commit), so a run
 * can measure before and after side by side on the same data. Such a server refuses a data directory newer than
 * itself: the directory is taken back to schema 3 (before the kept group counts) for it, and this tree's server,
 * started after it, upgrades it again while both run.
 */
export function beforeServerMain(): string | undefined {
  return process.env.BENCH_IM_BEFORE || undefined;
}

export function takeBackToSchema3(dataDir: string): void {
  const db = new BetterSqlite3(path.join(dataDir, "im.sqlite"));
  db.exec(`DROP TRIGGER IF EXISTS live_group_counts_insert; DROP TRIGGER IF EXISTS live_group_counts_delete;
    DROP TRIGGER IF EXISTS live_group_counts_update; DROP TABLE IF EXISTS live_group_counts; PRAGMA user_version = 3`);
  db.close();
}
