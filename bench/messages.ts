// npm run bench:messages — the message history goal alone (npm run bench runs it too): a page of 20 through the
// BFF p95 ≤ 50 ms with 1,000,000 messages stored in the IM server. Prints figures; asserts nothing.
import { measureMessageHistory } from "./console/message-history";
import { ensureBuild } from "./lib/console-server";
import { describeMachine, load } from "./lib/machine";
import { printGoals } from "./lib/stats";

const PORT = Number(process.env.BENCH_PORT ?? 3700) + 90;

async function main() {
  console.log(`Message history benchmark — ${describeMachine()}`);
  ensureBuild();
  console.log(`\n[messages] a group's history through the BFF at 1,000,000 stored messages — ${load()}`);
  const goals = await measureMessageHistory(PORT, PORT + 2000, { email: "bench@example.com", password: "bench-admin-password" });
  printGoals(goals, `load now: ${load()}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
