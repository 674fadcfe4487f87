// npm run bench:overhead — the BFF overhead alone (npm run bench runs it too, in its 100,000-group part): the IM
// server seeded with 100,000 groups, the console's first crawl, then GET /api/groups?limit=50 against the gateway
// alone, side by side. BENCH_CPU_PROF=<dir> writes a CPU profile of the console's Next server there when it stops
// (the window printed with the figures picks the measured requests out of it). Prints figures; asserts nothing.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadOrCreateSecrets } from "../im-server/src/secrets-file";
import { timeFirstCrawl } from "./console/crawl";
import { overheadGoal } from "./console/overhead";
import { ensureBuild, startConsole } from "./lib/console-server";
import { signIn } from "./lib/console-session";
import { profileConsoleInto } from "./lib/cpu-profile";
import { describeMachine, load } from "./lib/machine";
import { descendants, stopGroup } from "./lib/processes";
import { FULL_SCALE, seedImData } from "./lib/seed-im";
import { printGoals } from "./lib/stats";

const PORT = Number(process.env.BENCH_PORT ?? 3700);
const IM_PORT = PORT + 2000;
const ADMIN = { email: "bench@example.com", password: "bench-admin-password" };

async function main() {
  console.log(`BFF overhead benchmark — ${describeMachine()}`);
  ensureBuild();
  if (process.env.BENCH_CPU_PROF) profileConsoleInto(process.env.BENCH_CPU_PROF);
  const dataDir = mkdtempSync(path.join(tmpdir(), "group-console-overhead-"));
  let launcher: Awaited<ReturnType<typeof startConsole>> | undefined;
  try {
    const secrets = loadOrCreateSecrets(dataDir);
    const seeded = seedImData(path.join(dataDir, "im"), FULL_SCALE);
    console.log(`seeded the IM server: ${FULL_SCALE.groups} groups (${seeded.seconds.toFixed(1)} s)`);
    const requestLog = path.join(dataDir, "im-requests.log");
    launcher = await startConsole({ port: PORT, imPort: IM_PORT, dataDir, admin: ADMIN, requestLog });
    const session = await signIn(launcher.base, ADMIN.email, ADMIN.password);
    const crawl = await timeFirstCrawl(session, requestLog);
    console.log(`first crawl: ${crawl.groups} groups in ${crawl.seconds.toFixed(1)} s — ${load()}`);
    // The Next server among the launcher's descendants, and the launcher: CPU time (user + system, in ticks of 10 ms).
    const proxy = launcher.service.child.pid!;
    // Next renames its process (process.title): its command line reads "next-server (v…)", not …/server.js.
    const next = descendants(proxy).find((p) => /^next-server\b|\/server\.js\b/.test(p.command));
    const consoleCpu = next ? () => ({ next: cpuTicks(next.pid) / 100, proxy: cpuTicks(proxy) / 100 }) : undefined;
    const goal = await overheadGoal(
      session,
      {
        baseUrl: `http://127.0.0.1:${IM_PORT}`,
        sdkAppId: 1400000000,
        secretKey: secrets.IM_SECRET_KEY,
        adminId: "administrator",
        timeoutMs: 5000,
      },
      consoleCpu,
    );
    printGoals([goal], `load now: ${load()}`);
  } finally {
    if (launcher) await stopGroup(launcher.service);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
