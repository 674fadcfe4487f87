// npm run bench:sign-in — the sign-in burst alone (bench/console/sign-in-burst.ts). Prints figures; asserts nothing
// (shared machines are noisy: read the ratios).
import { signInGoals } from "./console/sign-in-burst";
import { describeMachine, load } from "./lib/machine";
import { printGoals } from "./lib/stats";

async function main() {
  console.log(`Sign-in benchmark — ${describeMachine()}`);
  const goals = await signInGoals(Number(process.env.BENCH_PORT ?? 3750), (what) => console.log(`\n${what} — ${load()}`));
  printGoals(goals);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
