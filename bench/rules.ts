// npm run bench:rules — the rules engine in-process (100 rules on one application, p95 ≤ 2 ms; a dry run over
// 100,000 decided applications, ≤ 3 s), then the Tencent-mode BeforeApplyJoinGroup answer of a built console with
// 100 rules at 50 applications a second (p95 ≤ 50 ms). Prints figures and the goals; asserts nothing.
// npm run bench runs both too.
import { measureRulesEngine } from "./console/rules-engine";
import { measureRulesWebhook } from "./console/rules-webhook";
import { ensureBuild } from "./lib/console-server";
import { describeMachine, load } from "./lib/machine";
import { printGoals } from "./lib/stats";

const PORT = Number(process.env.BENCH_PORT ?? 3700) + 80;
const ADMIN = { email: "bench@example.com", password: "bench-admin-password" };

async function main() {
  console.log(`Rules benchmark — ${describeMachine()}`);
  const goals = await measureRulesEngine();
  ensureBuild();
  console.log(`\n[webhook] BeforeApplyJoinGroup answered by a console in Tencent mode, without and with 100 rules — ${load()}`);
  goals.push(...(await measureRulesWebhook(PORT, PORT + 2000, ADMIN)));
  printGoals(goals);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
