// npm run bench:million — the directory at 1,000,000 groups alone (npm run bench runs it too): the first crawl
// against Tencent's limits, lists, filters, sorts and searches p95 ≤ 50 ms through the BFF, the console's RSS
// ≤ 300 MB and the IM server's ≤ 500 MB throughout. SQLite, or PostgreSQL when DATABASE_URL is set. Asserts nothing.
import { measureMillion } from "./console/million";
import { ensureBuild } from "./lib/console-server";
import { describeMachine, load } from "./lib/machine";
import { printGoals } from "./lib/stats";

const PORT = Number(process.env.BENCH_PORT ?? 3700) + 110;

async function main() {
  console.log(`Million-group directory benchmark — ${describeMachine()}`);
  ensureBuild();
  console.log(`\n[million] the directory at 1,000,000 groups through the BFF — ${load()}`);
  const goals = await measureMillion(PORT, PORT + 2000, { email: "bench@example.com", password: "bench-admin-password" });
  printGoals(goals, `load now: ${load()}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
