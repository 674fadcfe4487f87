// Members at scale and exports, through the BFF of a console of its own: member search in a group of 6,000
// (seeded straight into the IM server's store; p95 ≤ 100 ms once the group was read), and the CSV export of
// 100,000 groups with the console's RSS sampled while it streams (growth < 50 MB).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStore } from "../../im-server/src/store/store";
import { seedMembers } from "../../lib/server/testing/members";
import { serverMemory, startConsole } from "../lib/console-server";
import { signIn, type ConsoleSession } from "../lib/console-session";
import { stopGroup } from "../lib/processes";
import { seedImData } from "../lib/seed-im";
import { ms, printTable, sample, summarize, timed, type Goal } from "../lib/stats";

export const BIG_GROUP = 6000;
const GROUPS = 100_000;
const MUTED = 300;
const q = encodeURIComponent;

/** 100,000 groups of one or two members, and one Public group of 6,000 with nicknames and 300 mutes. */
function seed(dir: string): { groupId: string; seconds: number } {
  const seeded = seedImData(dir, { accounts: BIG_GROUP, groups: GROUPS, memberships: 130_000, pending: 0 });
  const started = performance.now();
  const store = openStore(dir);
  try {
    const groupId = seeded.groupIds.find((id) => store.groups.get(id)?.type === "Public")!;
    const now = Math.floor(Date.now() / 1000);
    const newcomers = seeded.accountIds.filter((id) => !store.members.get(groupId, id));
    seedMembers(
      store,
      groupId,
      newcomers.map((userId, i) => ({ userId, muteUntil: i < MUTED ? now + 86_400 : undefined })),
    );
    // seedMembers names no one: the seed's own nicknames ("Aiko 12", "田中 15") stay as they are.
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    return { groupId, seconds: seeded.seconds + (performance.now() - started) / 1000 };
  } finally {
    store.close();
  }
}

async function firstCrawlDone(session: ConsoleSession, timeoutSeconds = 600): Promise<void> {
  const end = Date.now() + timeoutSeconds * 1000;
  while (!(await session.get<{ lastFullCrawlAt: string | null }>("/api/directory")).lastFullCrawlAt) {
    if (Date.now() > end) throw new Error("the first crawl did not finish in time");
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const searches = (groupId: string) => {
  const base = `/api/groups/${q(groupId)}/members?limit=50`;
  return [
    { name: "nickname, Latin 'aiko'", path: `${base}&q=aiko` },
    { name: "nickname, CJK '田中'", path: `${base}&q=${q("田中")}` },
    { name: "user ID part 'u_0042'", path: `${base}&q=u_0042` },
    { name: "no match", path: `${base}&q=nobody-at-all` },
    { name: "role=Member (nearly everyone; nicknames of the page only)", path: `${base}&role=Member` },
    { name: "muted=true", path: `${base}&muted=true` },
  ];
};

/** Member search p95 (worst of the searches), after one first read whose time is shown apart. */
async function measureSearch(session: ConsoleSession, groupId: string): Promise<Goal> {
  const list = searches(groupId);
  const first = await timed(() => session.get(list[0].path));
  const rows: (string | number)[][] = [["search in a group of 6,000", "matches", "n", "p50", "p95"]];
  rows.push(["first search (reads 6,000 members and their profiles)", "", 1, ms(first), ""]);
  let worst = 0;
  for (const { name, path: p } of list) {
    const { total } = await session.get<{ total: number }>(p);
    await sample(5, 1, () => session.get(p));
    const s = summarize(await sample(200, 1, () => session.get(p)));
    worst = Math.max(worst, s.p95);
    rows.push([name, total, s.n, ms(s.p50), ms(s.p95)]);
  }
  printTable(rows);
  return { what: "member search in a group of 6,000, p95 (worst of 6)", figure: ms(worst), goal: "≤ 100 ms", met: worst <= 100 };
}

/** Streams GET /api/groups.csv to the end, sampling the console's RSS every 100 ms while it runs. */
async function measureExport(session: ConsoleSession, launcherPid: number): Promise<Goal[]> {
  const rss = () => serverMemory(launcherPid).console;
  const before = rss();
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(rss()), 100);
  const started = performance.now();
  let firstByteMs = 0;
  let bytes = 0;
  let rows = 0;
  try {
    const cookie = session
      .cookies()
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const res = await fetch(`${session.base}/api/groups.csv`, { headers: { cookie } });
    if (!res.ok || !res.body) throw new Error(`GET /api/groups.csv: HTTP ${res.status}`);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (!firstByteMs) firstByteMs = performance.now() - started;
      bytes += chunk.length;
      for (const b of chunk) if (b === 0x0a) rows++;
    }
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = Math.max(before, ...samples);
  const growth = peak - before;
  printTable([
    ["export", "rows", "size", "first byte", "whole", "console RSS before", "peak while streaming", "growth"],
    [
      "GET /api/groups.csv (no filter)",
      rows - 1,
      `${(bytes / 1024 / 1024).toFixed(1)} MB`,
      ms(firstByteMs),
      `${seconds.toFixed(1)} s`,
      `${before.toFixed(0)} MB`,
      `${peak.toFixed(0)} MB (${samples.length} samples)`,
      `${growth.toFixed(0)} MB`,
    ],
  ]);
  return [
    {
      what: `groups.csv of ${GROUPS.toLocaleString("en")} groups: console RSS growth while streaming`,
      figure: `${growth.toFixed(0)} MB`,
      goal: "< 50 MB",
      met: growth < 50,
    },
  ];
}

export async function measureMembersAndExports(port: number, imPort: number, admin: { email: string; password: string }): Promise<Goal[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "group-console-bench-members-"));
  let launcher: Awaited<ReturnType<typeof startConsole>> | undefined;
  let failed = false;
  try {
    const { groupId, seconds } = seed(path.join(dataDir, "im"));
    console.log(`  seeded ${GROUPS} groups and one of ${BIG_GROUP} members (${MUTED} muted) in ${seconds.toFixed(1)} s`);
    launcher = await startConsole({ port, imPort, dataDir, admin, requestLog: path.join(dataDir, "im-requests.log") });
    const session = await signIn(launcher.base, admin.email, admin.password);
    await firstCrawlDone(session);
    const goals = [await measureSearch(session, groupId)];
    goals.push(...(await measureExport(session, launcher.service.child.pid!)));
    return goals;
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    if (launcher) await stopGroup(launcher.service);
    if (failed) console.error(`kept the members run's data and logs in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}
