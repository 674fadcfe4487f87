// npm run bench:storm — a webhook storm against a built console in Tencent mode (bench/console/storm.ts): 500 signed
// webhooks a second for 60 s across 1,000 groups. Goals: every answer p99 ≤ 100 ms, the console's RSS ≤ 300 MB,
// never more than 200 IM calls of one command in a second, the directory matching the IM server ≤ 30 s after.
// npm run bench runs it too. Prints figures and the goals; asserts nothing.
//   STORM_SECONDS=15        a shorter storm
//   BENCH_CPU_PROF=<dir>    a CPU profile of the console's Next server and of the launcher (bench/lib/cpu-profile.ts)
import { STORM, stormGoals } from "./console/storm";
import { ensureBuild } from "./lib/console-server";
import { profileConsoleInto } from "./lib/cpu-profile";
import { describeMachine, load } from "./lib/machine";
import { printGoals } from "./lib/stats";

const PORT = Number(process.env.BENCH_PORT ?? 3700) + 100;
const ADMIN = { email: "bench@example.com", password: "bench-admin-password" };

async function main() {
  console.log(`Webhook storm benchmark — ${describeMachine()}`);
  ensureBuild();
  if (process.env.BENCH_CPU_PROF) profileConsoleInto(process.env.BENCH_CPU_PROF);
  console.log(`\n[storm] signed webhooks to a console in Tencent mode — ${load()}`);
  const seconds = Number(process.env.STORM_SECONDS) || STORM.seconds;
  printGoals(await stormGoals(PORT, PORT + 2000, ADMIN, { ...STORM, seconds }));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
