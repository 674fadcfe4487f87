// npm run bench:stats — the dashboard's goal alone (npm run bench runs it too, after the queue's): moderation
// statistics p95 ≤ 200 ms at 100,000 decided applications. Prints figures; with DATABASE_URL, on PostgreSQL.
import { measureStats } from "./console/stats";
import { ensureBuild } from "./lib/console-server";
import { describeMachine, load } from "./lib/machine";
import { printGoals } from "./lib/stats";

const PORT = Number(process.env.BENCH_PORT ?? 3700) + 70;

async function main() {
  console.log(`Statistics benchmark — ${describeMachine()}`);
  ensureBuild();
  console.log(`\n[stats] 100,000 decided applications through the BFF (sequential) — ${load()}`);
  const goals = await measureStats(PORT, PORT + 2000, { email: "bench@example.com", password: "bench-admin-password" });
  printGoals(goals, `load now: ${load()}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
