// The IM server at a million groups (3,000,000 memberships): the seeding itself, whole listing walks at Tencent's
// largest page (Limit 10000, TotalCount on every page), get_group_info with the console's filter and whole,
// and the server's memory throughout. With BENCH_IM_BEFORE, an older server walks the listing beside it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GROUP_INFO_FILTER } from "../../lib/im/group-wire";
import { beforeServerMain, type ImProcess, startImServer, takeBackToSchema3 } from "../lib/im-server-process";
import { load } from "../lib/machine";
import Database from "better-sqlite3";
import { DATABASE_FILE } from "../../im-server/src/store/store";
import { KEPT_GROUP_IDS, MILLION_SCALE, type Seeded, seedImData } from "../lib/seed-im";
import { type Goal, ms, printTable, summarize, timed } from "../lib/stats";

const PORT = Number(process.env.BENCH_IM_PORT ?? 5710) + 2;

/** What a seeding of this directory handed back, read from the store it left: the count and an even sample of IDs. */
function sampleOfSeeded(dataDir: string): Seeded {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const groups = (db.prepare("SELECT COUNT(*) AS n FROM groups").get() as { n: number }).n;
    const step = Math.max(1, Math.floor(groups / KEPT_GROUP_IDS));
    const groupIds = (db.prepare("SELECT group_id FROM groups WHERE seq % ? = 0").pluck().all(step) as string[]).slice(0, KEPT_GROUP_IDS);
    return { groups, groupIds, accountIds: [], pendingIds: [], seconds: 0 };
  } finally {
    db.close();
  }
}

async function walk(server: ImProcess, times: number[]): Promise<number> {
  let [next, seen] = ["0", 0];
  do {
    const started = performance.now();
    const page = await server.call("group_open_http_svc/get_appid_group_list", { Limit: 10_000, Next: next });
    times.push(performance.now() - started);
    seen += (page.GroupIdList as unknown[]).length;
    next = String(page.Next);
  } while (next !== "0");
  return seen;
}

/** `kept`: seed into (or read, when already seeded) a directory the caller keeps; otherwise a temporary one. */
export async function millionScale(kept?: { dir: string; seed: boolean }): Promise<Goal[]> {
  const dataDir = kept?.dir ?? mkdtempSync(path.join(tmpdir(), "group-console-bench-im-1m-"));
  const servers: ImProcess[] = [];
  try {
    const rssBefore = process.memoryUsage().rss / 1048576;
    const seeded = kept && !kept.seed ? sampleOfSeeded(dataDir) : seedImData(dataDir, MILLION_SCALE);
    // maxRSS is this process's peak so far; the seeding is what raised it (the 100,000-group part seeds less).
    const seedPeak = process.resourceUsage().maxRSS / 1024;
    console.log(
      `\n[1M] seeded ${seeded.groups.toLocaleString("en")} groups, ${MILLION_SCALE.memberships.toLocaleString("en")} memberships, ` +
        `${MILLION_SCALE.accounts.toLocaleString("en")} accounts in ${seeded.seconds.toFixed(1)} s; bench process RSS ${rssBefore.toFixed(0)} MB before, peak ${seedPeak.toFixed(0)} MB — ${load()}`,
    );
    const beforeMain = beforeServerMain();
    if (beforeMain) takeBackToSchema3(dataDir);
    const before = beforeMain ? await startImServer(dataDir, PORT + 1, "IM server before 1M", beforeMain) : undefined;
    const im = await startImServer(dataDir, PORT, "IM server 1M");
    servers.push(im, ...(before ? [before] : []));
    const { groupIds } = seeded; // an even sample of 100,000 of the million
    const randomIds = (n: number) => Array.from({ length: n }, () => groupIds[Math.floor(Math.random() * groupIds.length)]);

    const [walkTimes, walkBefore]: number[][] = [[], []];
    for (let i = 0; i < 2; i++) {
      const seen = await walk(im, walkTimes);
      if (seen !== seeded.groups) throw new Error(`the listing walk saw ${seen} groups, not ${seeded.groups}`);
      if (before) await walk(before, walkBefore);
    }
    const [filtered, whole]: number[][] = [[], []];
    for (let i = 0; i < 1050; i++) {
      const f = await timed(() =>
        im.call("group_open_http_svc/get_group_info", { GroupIdList: randomIds(50), ResponseFilter: GROUP_INFO_FILTER }),
      );
      const w = await timed(() => im.call("group_open_http_svc/get_group_info", { GroupIdList: randomIds(50) }));
      if (i < 50) continue;
      filtered.push(f);
      whole.push(w);
    }
    const [rss, peak] = [im.rss(), im.peakRss()];
    console.log(`[1M] measured — ${load()}`);
    printTable([
      ["command at 1,000,000 groups (sequential, keep-alive)", "n", "p50", "p95", "max"],
      ...(
        [
          ["get_appid_group_list (Limit 10000, whole listing ×2), a page", walkTimes],
          ["  before: the same on the older server (BENCH_IM_BEFORE)", before ? walkBefore : undefined],
          ["get_group_info (50 random IDs, the console's filter)", filtered],
          ["get_group_info (50 random IDs, whole answer)", whole],
        ] as const
      ).flatMap(([name, times]) => {
        if (!times) return [];
        const s = summarize([...times]);
        return [[name, s.n, ms(s.p50), ms(s.p95), ms(s.max)]];
      }),
    ]);
    const walkSeconds = walkTimes.reduce((a, b) => a + b, 0) / 2000;
    console.log(
      `[1M] one whole listing walk: ${walkSeconds.toFixed(1)} s; IM server RSS ${rss.toFixed(0)} MB after, ${peak.toFixed(0)} MB at its peak`,
    );
    return [{ what: "IM server RSS at 1M groups (peak)", figure: `${peak.toFixed(0)} MB`, goal: "≤ 500 MB", met: peak <= 500 }];
  } finally {
    for (const server of servers) await server.stop();
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}
