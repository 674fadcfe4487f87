// The moderation queue at 100,000 applications (20% pending), through the BFF: searches and filters, the
// applicant context of a requester with 200 applications, saved views with live counts — after the console's
// first reconcile has copied every application from the IM server (itself timed).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startConsole } from "../lib/console-server";
import { signIn, type ConsoleSession } from "../lib/console-session";
import { stopGroup } from "../lib/processes";
import { HEAVY_APPLICATIONS, HEAVY_REQUESTER, QUEUE_SCALE, seedQueueData } from "../lib/seed-queue";
import { ms, printTable, sample, summarize, type Goal, type Summary } from "../lib/stats";

const q = encodeURIComponent;
export const QUEUE_QUERIES: { name: string; path: string }[] = [
  { name: "first page, pending, newest", path: "/api/applications?limit=50" },
  { name: "oldest first", path: "/api/applications?sort=oldest&limit=50" },
  { name: "search Latin 'hiking'", path: "/api/applications?q=hiking&limit=50" },
  { name: "search Japanese '参加'", path: `/api/applications?q=${q("参加")}&limit=50` },
  { name: "search Chinese '摄影', every status", path: `/api/applications?q=${q("摄影")}&status=all&limit=50` },
  { name: "search a requester ID 'u_01234'", path: "/api/applications?q=u_01234&status=all&limit=50" },
  { name: "type=Community", path: "/api/applications?type=Community&limit=50" },
  { name: "waiting over 1 day", path: "/api/applications?olderThan=1440&limit=50" },
  { name: "refused, newest", path: "/api/applications?status=refused&limit=50" },
];

type DirectoryStatus = { lastFullCrawlAt: string | null };

async function firstCrawlDone(session: ConsoleSession, timeoutSeconds = 900): Promise<void> {
  const end = Date.now() + timeoutSeconds * 1000;
  while (!(await session.get<DirectoryStatus>("/api/directory")).lastFullCrawlAt) {
    if (Date.now() > end) throw new Error("the first crawl and reconcile did not finish in time");
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function measureQueue(port: number, imPort: number, admin: { email: string; password: string }): Promise<Goal[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "group-console-bench-queue-"));
  let launcher: Awaited<ReturnType<typeof startConsole>> | undefined;
  let failed = false;
  try {
    const seeded = seedQueueData(path.join(dataDir, "im"));
    console.log(
      `  seeded ${QUEUE_SCALE.groups} groups and ${seeded.pending + seeded.decided} applications (${seeded.pending} pending) in ${seeded.seconds.toFixed(1)} s`,
    );
    const started = Date.now();
    launcher = await startConsole({ port, imPort, dataDir, admin, requestLog: path.join(dataDir, "im-requests.log") });
    const session = await signIn(launcher.base, admin.email, admin.password);
    await firstCrawlDone(session);
    const imported = (Date.now() - started) / 1000;
    const { total } = await session.get<{ total: number }>("/api/applications?status=all&limit=1");
    console.log(`  start, first crawl and the reconcile that copies every application: ${imported.toFixed(1)} s (${total} listed)`);

    const rows: (string | number)[][] = [["query", "matches", "n", "p50", "p95"]];
    const summaries: Summary[] = [];
    for (const { name, path: p } of QUEUE_QUERIES) {
      const first = await session.get<{ total: number }>(p);
      await sample(5, 1, () => session.get(p));
      const s = summarize(await sample(200, 1, () => session.get(p)));
      summaries.push(s);
      rows.push([name, first.total, s.n, ms(s.p50), ms(s.p95)]);
    }
    printTable(rows);
    const worst = Math.max(...summaries.map((s) => s.p95));

    const contextPath = `/api/app-users/${HEAVY_REQUESTER}`;
    const ctx = await session.get<{ applications: { total: number } }>(contextPath);
    const context = summarize(await sample(200, 1, () => session.get(contextPath)));

    for (const [name, filters] of [
      ["Japanese", { q: "参加" }],
      ["Chinese", { q: "摄影" }],
      ["old", { olderThan: 1440 }],
      ["Community", { type: "Community" }],
      ["refused", { status: "refused" }],
    ] as const)
      await session.post("/api/views", { name, filters });
    const views = summarize(await sample(100, 1, () => session.get("/api/views")));
    printTable([
      ["call", "n", "p50", "p95"],
      [`applicant context, ${ctx.applications.total} applications`, context.n, ms(context.p50), ms(context.p95)],
      ["saved views: 5, each with its live count", views.n, ms(views.p50), ms(views.p95)],
    ]);
    return [
      { what: "queue at 100,000 applications: search and filter p95 (worst of 9)", figure: ms(worst), goal: "≤ 100 ms", met: worst <= 100 },
      {
        what: `applicant context (${HEAVY_APPLICATIONS} applications) p95`,
        figure: ms(context.p95),
        goal: "≤ 50 ms",
        met: context.p95 <= 50,
      },
    ];
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    if (launcher) await stopGroup(launcher.service);
    if (failed) console.error(`kept the queue run's data and logs in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}
