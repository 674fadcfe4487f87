// npm run bench:im — the local IM server measured over HTTP with the real protocol (admin UserSig): at 100,000
// groups and 1,000,000 memberships (bench/im/full-scale.ts), then at a million groups (bench/im/million.ts).
// Prints figures and its goals; asserts nothing. BENCH_IM_MILLION=0 leaves the million out (a quicker run).
// BENCH_IM_BEFORE=<an older im-server/src/main.ts> adds that server's figures beside this one's.
// `npm run bench` calls imServerGoals and puts its goals in its own Goals table.
import { fileURLToPath } from "node:url";
import { fullScale } from "./im/full-scale";
import { millionScale } from "./im/million";
import { describeMachine } from "./lib/machine";
import { type Goal, printGoals } from "./lib/stats";

/**
 * Runs the IM server's part of the benchmark (printing its tables) and answers its goal rows. `million.dir` keeps
 * the million-group data where the caller reads it again (npm run bench's directory runs), seeded there unless
 * `million.seed` is false (already seeded by an earlier run).
 */
export async function imServerGoals(million?: { dir: string; seed: boolean }): Promise<Goal[]> {
  const goals = await fullScale();
  if (process.env.BENCH_IM_MILLION !== "0") goals.push(...(await millionScale(million)));
  return goals;
}

async function main() {
  console.log(`IM server benchmark — ${describeMachine()}`);
  const goals = await imServerGoals();
  console.log("");
  printGoals(goals);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
