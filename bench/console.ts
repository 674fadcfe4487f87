// npm run bench — every performance goal of the console and its IM server, each part printing its own figures and
// the machine's load, ending with one table headed `Goals` (yes / NO, and what limits a missed one). Against the
// production build started by the project's launcher, on data seeded straight into the IM server's store:
//   the IM server alone at 100,000 and 1,000,000 groups · the console at 100,000 groups (crawl, BFF overhead, the
//   list, memory after, 1,000 approvals ×3, JavaScript per page) · the queue, raids, statistics, rules, members,
//   messages · a sign-in burst · a webhook storm in Tencent mode · the directory at 1,000,000 groups on SQLite, and
//   on PostgreSQL too when BENCH_DATABASE_URL names a server (a scratch database is created there and dropped).
// A part that fails is a NO row saying why, and the rest still run. Prints figures; asserts nothing.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { imServerGoals } from "./im-server";
import { hundredThousandGoals } from "./console/hundred-thousand";
import { measureMembersAndExports } from "./console/members-exports";
import { measureMessageHistory } from "./console/message-history";
import { measureMillion } from "./console/million";
import { measureQueue } from "./console/queue";
import { raidGoals, RAID_SIZE } from "./console/raid";
import { measureRulesEngine } from "./console/rules-engine";
import { measureRulesWebhook } from "./console/rules-webhook";
import { signInGoals } from "./console/sign-in-burst";
import { measureStats } from "./console/stats";
import { STORM, stormGoals } from "./console/storm";
import { ensureBuild } from "./lib/console-server";
import { describeMachine, load } from "./lib/machine";
import { scratchDatabase } from "./lib/pg-scratch";
import { printGoals, type Goal } from "./lib/stats";

const PORT = Number(process.env.BENCH_PORT ?? 3700);
const IM_PORT = PORT + 2000;
const ADMIN = { email: "bench@example.com", password: "bench-admin-password" };

async function main() {
  console.log(`Console benchmark — ${describeMachine()}`);
  ensureBuild();
  const started = Date.now();
  const dataDir = mkdtempSync(path.join(tmpdir(), "group-console-bench-"));
  const goals: Goal[] = [];
  let failed = false;
  /** One part: its title and load, its goal rows; a part that throws becomes a NO row and the run goes on. */
  const part = async (title: string, run: () => Promise<Goal[]>) => {
    console.log(`\n[${title}] — ${load()}`);
    try {
      goals.push(...(await run()));
    } catch (err) {
      failed = true;
      console.error(err);
      goals.push({ what: title, figure: "failed", goal: "runs", met: false, limits: String((err as Error)?.message ?? err).slice(0, 160) });
    }
  };
  // The million groups are seeded once (5–12 minutes) and read by the IM server's part and both stores' directory runs.
  const millionDir = process.env.BENCH_MILLION_IM_DIR ?? path.join(dataDir, "im-million");
  mkdirSync(millionDir, { recursive: true });
  const seedMillion = !process.env.BENCH_MILLION_IM_DIR;
  process.env.BENCH_MILLION_IM_DIR = millionDir;
  try {
    await part("IM server at 100,000 and 1,000,000 groups", () => imServerGoals({ dir: millionDir, seed: seedMillion }));
    await part("console at 100,000 groups", () => hundredThousandGoals(PORT, IM_PORT, ADMIN, path.join(dataDir, "full")));
    await part("queue: 100,000 applications through the BFF", () => measureQueue(PORT + 50, IM_PORT + 50, ADMIN));
    await part(`raid: one job refusing ${RAID_SIZE.toLocaleString("en")} applications`, () => raidGoals(PORT + 60, IM_PORT + 60, ADMIN));
    await part("stats: 100,000 decided applications", () => measureStats(PORT + 70, IM_PORT + 70, ADMIN));
    await part("rules: the engine and the dry run in-process", () => measureRulesEngine());
    await part("rules webhook: BeforeApplyJoinGroup in Tencent mode", () => measureRulesWebhook(PORT + 80, IM_PORT + 80, ADMIN));
    await part("members: search in a group of 6,000, CSV of 100,000 groups", () =>
      measureMembersAndExports(PORT + 90, IM_PORT + 90, ADMIN),
    );
    await part("messages: a group's history at 1,000,000 messages", () => measureMessageHistory(PORT + 90, IM_PORT + 90, ADMIN));
    await part("sign-in: a burst of 20", () => signInGoals(PORT + 100, (what) => console.log(`  ${what} — ${load()}`)));
    await part(`webhook storm: ${STORM.perSecond}/s for ${STORM.seconds} s across ${STORM.groups} groups`, () =>
      stormGoals(PORT + 120, IM_PORT + 120, ADMIN),
    );
    await part("million groups, SQLite", () => measureMillion(PORT + 110, IM_PORT + 110, ADMIN));
    const pgServer = process.env.BENCH_DATABASE_URL;
    if (pgServer)
      await part("million groups, PostgreSQL", async () => {
        const db = await scratchDatabase(pgServer, "million");
        process.env.DATABASE_URL = db.url;
        try {
          return await measureMillion(PORT + 130, IM_PORT + 130, ADMIN);
        } finally {
          delete process.env.DATABASE_URL;
          await db.drop();
        }
      });
    else console.log("\n[million groups, PostgreSQL] skipped: set BENCH_DATABASE_URL to a PostgreSQL server to run it");
    console.log(`\nThe whole run took ${((Date.now() - started) / 60_000).toFixed(0)} minutes.`);
    printGoals(goals, `load now: ${load()}`);
  } finally {
    if (failed) console.error(`kept the run's data and logs in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
