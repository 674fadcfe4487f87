// npm run bench:members — members at scale and exports alone (npm run bench runs them too): member search in a
// group of 6,000, p95 ≤ 100 ms through the BFF once the group was read; the CSV export of 100,000 groups with
// the console's RSS growth while it streams < 50 MB. Prints figures; asserts nothing.
import { measureMembersAndExports } from "./console/members-exports";
import { ensureBuild } from "./lib/console-server";
import { describeMachine, load } from "./lib/machine";
import { printGoals } from "./lib/stats";

const PORT = Number(process.env.BENCH_PORT ?? 3700) + 90;

async function main() {
  console.log(`Members and exports benchmark — ${describeMachine()}`);
  ensureBuild();
  console.log(`\n[members] search in a group of 6,000 and the CSV of 100,000 groups, through the BFF — ${load()}`);
  const goals = await measureMembersAndExports(PORT, PORT + 2000, { email: "bench@example.com", password: "bench-admin-password" });
  printGoals(goals, `load now: ${load()}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
