// npm run bench:queue — the moderation queue's goals alone (npm run bench runs them too, after the others):
// search and filter p95 ≤ 100 ms at 100,000 applications, applicant context p95 ≤ 50 ms. Prints figures.
import { measureQueue } from "./console/queue";
import { ensureBuild } from "./lib/console-server";
import { describeMachine, load } from "./lib/machine";
import { printGoals } from "./lib/stats";

const PORT = Number(process.env.BENCH_PORT ?? 3700) + 50;

async function main() {
  console.log(`Queue benchmark — ${describeMachine()}`);
  ensureBuild();
  console.log(`\n[queue] 100,000 applications through the BFF (sequential) — ${load()}`);
  const goals = await measureQueue(PORT, PORT + 2000, { email: "bench@example.com", password: "bench-admin-password" });
  printGoals(goals);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
