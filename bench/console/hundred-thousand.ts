// The console at 100,000 groups and 1,000,000 memberships (part of npm run bench): its first crawl, the BFF's
// overhead over the gateway alone, the groups list, the memory it holds after, 1,000 approvals three times in a
// row, and the JavaScript of a cold page load. One console for all of them, stopped at the end.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { loadOrCreateSecrets } from "../../im-server/src/secrets-file";
import { bulkGoals, BULK_RUNS } from "./bulk";
import { timeFirstCrawl } from "./crawl";
import { measureFrontend } from "./frontend";
import { overheadGoal } from "./overhead";
import { measureScale } from "./scale";
import { serverMemory, startConsole } from "../lib/console-server";
import { signIn } from "../lib/console-session";
import { load } from "../lib/machine";
import { stopGroup } from "../lib/processes";
import { FULL_SCALE, seedImData } from "../lib/seed-im";
import { ms, printTable, type Goal } from "../lib/stats";

type Admin = { email: string; password: string };

export async function hundredThousandGoals(port: number, imPort: number, admin: Admin, dataDir: string): Promise<Goal[]> {
  mkdirSync(dataDir, { recursive: true });
  const requestLog = path.join(dataDir, "im-requests.log");
  const goals: Goal[] = [];
  let launcher: Awaited<ReturnType<typeof startConsole>> | undefined;
  try {
    const secrets = loadOrCreateSecrets(dataDir);
    const seeded = seedImData(path.join(dataDir, "im"), FULL_SCALE);
    console.log(
      `seeded the IM server: ${FULL_SCALE.groups} groups, ${FULL_SCALE.memberships} memberships, ${FULL_SCALE.pending} pending applications (${seeded.seconds.toFixed(1)} s)`,
    );
    launcher = await startConsole({ port, imPort, dataDir, admin, requestLog });
    const session = await signIn(launcher.base, admin.email, admin.password);

    console.log(`\n[scale] the console's first crawl of the IM server — ${load()}`);
    const crawl = await timeFirstCrawl(session, requestLog);
    console.log(
      `  ${crawl.groups} groups in ${crawl.seconds.toFixed(1)} s (${crawl.listingCalls} get_appid_group_list calls at Tencent's 1/s)`,
    );

    goals.push(
      await overheadGoal(session, {
        baseUrl: `http://127.0.0.1:${imPort}`,
        sdkAppId: 1400000000,
        secretKey: secrets.IM_SECRET_KEY,
        adminId: "administrator",
        timeoutMs: 5000,
      }),
    );

    console.log(`\n[scale] groups list through the BFF at 100,000 groups (sequential) — ${load()}`);
    const scale = await measureScale(session);
    printTable([
      ["query", "matches", "n", "p50", "p95"],
      ...scale.map((s) => [`${s.name}${s.goal ? "" : " (beyond the goal)"}`, s.total, s.summary.n, ms(s.summary.p50), ms(s.summary.p95)]),
    ]);
    const worst = Math.max(...scale.filter((s) => s.goal).map((s) => s.summary.p95));
    goals.push({ what: "groups list p95 (worst of the 4)", figure: ms(worst), goal: "≤ 100 ms", met: worst <= 100 });

    const memory = serverMemory(launcher.service.child.pid!);
    // V8 gives memory back some seconds after a burst of garbage: the settled figure says what is really held.
    await new Promise((r) => setTimeout(r, 15_000));
    const settled = serverMemory(launcher.service.child.pid!);
    console.log(
      `\n[memory] RSS right after the scale run: console ${memory.console.toFixed(0)} MB, IM server ${memory.im.toFixed(0)} MB; 15 s later: ${settled.console.toFixed(0)} MB, ${settled.im.toFixed(0)} MB`,
    );
    goals.push({
      what: "console RSS after the 100,000-group scale run",
      figure: `${memory.console.toFixed(0)} MB (15 s later ${settled.console.toFixed(0)} MB)`,
      goal: "≤ 250 MB",
      met: memory.console <= 250,
    });
    goals.push({
      what: "IM server RSS after the scale run",
      figure: `${memory.im.toFixed(0)} MB`,
      goal: "≤ 300 MB",
      met: memory.im <= 300,
    });

    console.log(`\n[bulk] 1,000 approvals in sequential chunks of 100, ${BULK_RUNS} times in a row — ${load()}`);
    goals.push(...(await bulkGoals(session, requestLog)));

    console.log(`\n[front end] JavaScript of a cold, signed-in page load (Chromium, compressed) — ${load()}`);
    const fe = await measureFrontend(launcher.base, session.cookies(), ["/", "/groups", "/applications"]);
    printTable([
      [
        "page",
        "scripts",
        "compressed JS",
        "with HTTP headers",
        "of which Next/React runtime",
        "of which the app's own",
        "build output (gzip -9)",
      ],
      ...fe.map((f) => [
        f.path,
        f.scripts,
        `${f.kb.toFixed(1)} KB`,
        `${f.wireKb.toFixed(1)} KB`,
        `${f.frameworkKb.toFixed(1)} KB`,
        `${(f.kb - f.frameworkKb).toFixed(1)} KB`,
        `${f.buildKb.toFixed(1)} KB`,
      ]),
    ]);
    for (const f of fe)
      goals.push({
        what: `JavaScript of ${f.path}`,
        figure: `${f.kb.toFixed(1)} KB`,
        goal: `≤ ${f.goalKb} KB`,
        met: f.kb <= f.goalKb,
        limits: `the framework alone is ${f.frameworkKb.toFixed(0)} KB; what else loads: docs/front-end.md § What is left`,
      });

    return goals;
  } finally {
    if (launcher) await stopGroup(launcher.service);
  }
}
