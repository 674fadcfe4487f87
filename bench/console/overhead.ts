// BFF overhead: the same page size of groups through GET /api/groups (session, role, zod, the directory) and
// straight through the IM gateway (get_appid_group_list + get_group_info batches), side by side at a fixed
// concurrency, in alternating rounds so that the machine's noise falls on both alike.
import { createImGateway, type ImConfig } from "../../lib/im/gateway";
import type { ConsoleSession } from "../lib/console-session";
import { sample, summarize } from "../lib/stats";

export async function measureOverhead(
  session: ConsoleSession,
  im: ImConfig,
  o = { pageSize: 50, concurrency: 8, rounds: 4, perRound: 200 },
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
  const bff: number[] = [];
  const gw: number[] = [];
  for (let round = 0; round < o.rounds; round++) {
    bff.push(...(await sample(o.perRound, o.concurrency, viaBff)));
    gw.push(...(await sample(o.perRound, o.concurrency, direct)));
  }
  const b = summarize(bff);
  const d = summarize(gw);
  return { bff: b, direct: d, ratioP50: b.p50 / d.p50, ratioP95: b.p95 / d.p95, ...o };
}
