// npm run bench:raid — a raid job refusing 5,000 applications at 200 calls/s (goal ≤ 30 s, never above the
// limit), then the same with the console killed (SIGKILL) in the middle and restarted: every application refused
// once or still pending, and the job says which. Prints figures; asserts nothing. npm run bench runs it too.
import { raidGoals, RAID_SIZE } from "./console/raid";
import { ensureBuild } from "./lib/console-server";
import { describeMachine, load } from "./lib/machine";
import { printGoals } from "./lib/stats";

const PORT = Number(process.env.BENCH_PORT ?? 3700) + 60;
const ADMIN = { email: "bench@example.com", password: "bench-admin-password" };

async function main() {
  console.log(`Raid benchmark — ${describeMachine()}`);
  ensureBuild();
  console.log(`\n[raid] one job refusing ${RAID_SIZE.toLocaleString("en")} applications through the BFF — ${load()}`);
  const goals = await raidGoals(PORT, PORT + 2000, ADMIN);
  printGoals(goals);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
