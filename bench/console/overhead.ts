// BFF overhead: the same page size of groups through GET /api/groups (session, role, zod, the directory) and
// straight through the IM gateway (get_appid_group_list + get_group_info batches), side by side at a fixed
// concurrency, in alternating rounds so that the machine's noise falls on both alike.
import { createImGateway, type ImConfig } from "../../lib/im/gateway";
import type { ConsoleSession } from "../lib/console-session";
import { load } from "../lib/machine";
import { ms, printTable, sample, summarize, type Goal } from "../lib/stats";

export async function measureOverhead(
  session: ConsoleSession,
  im: ImConfig,
  o = { pageSize: 50, concurrency: 8, rounds: 4, perRound: 200 },
  /** CPU seconds the console's processes have used so far: read around each BFF round, it gives CPU per request. */
  consoleCpu?: () => ConsoleCpu,
) {
  // The local IM server has no rate limit (non-strict mode): without the gateway's own limits the direct path
  // is as fast as it can be, which makes the ratio the BFF's whole cost (under Tencent's 1/s listing limit the
  // direct path could not serve more than one page a second at all).
  const gateway = createImGateway({ ...im, rateLimits: { perCommand: {}, default: Number.POSITIVE_INFINITY } });
  const viaBff = async () => {
    const page = await session.get<{ items: unknown[] }>(`/api/groups?limit=${o.pageSize}`);
    if (page.items.length !== o.pageSize) throw new Error("short page from /api/groups");
  };
  const direct = async () => {
    const page = await gateway.listGroupIds({ limit: o.pageSize });
    const groups = await gateway.getGroups(page.ids);
    if (groups.length !== o.pageSize) throw new Error("short page from the gateway");
  };
  await sample(50, o.concurrency, viaBff);
  await sample(50, o.concurrency, direct);
  // On the monotonic clock a CPU profile of the console uses (BENCH_CPU_PROF): its samples in this window are the
  // measured requests, apart from the crawl and the warm-up before.
  const window = { fromUs: Number(process.hrtime.bigint() / 1000n), toUs: 0 };
  const bff: number[] = [];
  const gw: number[] = [];
  const cpu = { next: 0, proxy: 0 };
  for (let round = 0; round < o.rounds; round++) {
    const before = consoleCpu?.();
    bff.push(...(await sample(o.perRound, o.concurrency, viaBff)));
    const after = consoleCpu?.();
    if (before && after) {
      cpu.next += after.next - before.next;
      cpu.proxy += after.proxy - before.proxy;
    }
    gw.push(...(await sample(o.perRound, o.concurrency, direct)));
  }
  window.toUs = Number(process.hrtime.bigint() / 1000n);
  const b = summarize(bff);
  const d = summarize(gw);
  // CPU time, unlike latency, hardly moves with the machine's load: the console's own cost per request.
  const cpuMsPerRequest = consoleCpu ? { next: (cpu.next * 1000) / bff.length, proxy: (cpu.proxy * 1000) / bff.length } : null;
  return { bff: b, direct: d, ratioP50: b.p50 / d.p50, ratioP95: b.p95 / d.p95, window, cpuMsPerRequest, ...o };
}

/** CPU seconds used so far by the console's Next server and by the launcher, whose front proxy is in front of it. */
export type ConsoleCpu = { next: number; proxy: number };

/** The overhead part of npm run bench (and of npm run bench:overhead alone): its table, and its goal row. */
export async function overheadGoal(session: ConsoleSession, im: ImConfig, consoleCpu?: () => ConsoleCpu): Promise<Goal> {
  console.log(`\n[overhead] one page of 50 groups: BFF vs the gateway alone (in this process, rate limits lifted) — ${load()}`);
  const o = await measureOverhead(session, im, undefined, consoleCpu);
  printTable([
    ["path", "n", "p50", "p95"],
    [`GET /api/groups?limit=${o.pageSize} (concurrency ${o.concurrency})`, o.bff.n, ms(o.bff.p50), ms(o.bff.p95)],
    [`gateway: list + get_group_info (concurrency ${o.concurrency})`, o.direct.n, ms(o.direct.p50), ms(o.direct.p95)],
    ["ratio BFF / gateway", "", o.ratioP50.toFixed(2), o.ratioP95.toFixed(2)],
  ]);
  if (o.cpuMsPerRequest)
    console.log(
      `  CPU per BFF request: the Next server ${ms(o.cpuMsPerRequest.next)}, the launcher's front proxy ${ms(o.cpuMsPerRequest.proxy)}`,
    );
  console.log(`  measured from ${o.window.fromUs} to ${o.window.toUs} µs on the monotonic clock — ${load()}`);
  return {
    what: "BFF overhead (p95 ratio; p50 ratio)",
    figure: `${o.ratioP95.toFixed(2)}; ${o.ratioP50.toFixed(2)}`,
    goal: "≤ 1.5",
    met: o.ratioP95 <= 1.5 && o.ratioP50 <= 1.5,
    limits: "the IM server got 2× faster, the BFF's fixed cost (Next's route handling, the session check) did not",
  };
}
