// Bulk approval: 1,000 pending applications through POST /api/applications/bulk in sequential chunks of 100,
// as the browser sends them, with the console's gateway at Tencent's 200 requests/s; the rate is counted
// where Tencent would count it, at the IM server. `bulkGoals` runs it three times in a row, each on the oldest
// applications still pending (the goal must hold in each run, not on average).
import type { ConsoleSession } from "../lib/console-session";
import { load } from "../lib/machine";
import { peakRates, readRequestLog, waitForQuiet } from "../lib/request-log";
import { printTable, type Goal } from "../lib/stats";

type Page = { items: { id: string }[]; nextCursor: string | null };
type BulkAnswer = { results: { id: string; ok: boolean; error?: { code: string } }[] };

export async function measureBulk(session: ConsoleSession, requestLog: string, count = 1000, chunk = 100) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await session.get(
      `/api/applications?status=pending&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    ids.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length < count);
  const selection = ids.slice(0, count);

  await waitForQuiet(requestLog, 1500);
  const started = Date.now();
  let ok = 0;
  const errors = new Map<string, number>();
  for (let i = 0; i < selection.length; i += chunk) {
    const answer = await session.post<BulkAnswer>("/api/applications/bulk", { ids: selection.slice(i, i + chunk), action: "approve" });
    for (const r of answer.results) {
      if (r.ok) ok++;
      else errors.set(r.error?.code ?? "?", (errors.get(r.error?.code ?? "?") ?? 0) + 1);
    }
  }
  const seconds = (Date.now() - started) / 1000;
  // Webhooks of the approvals make the console re-read groups after the answer: count them too.
  await waitForQuiet(requestLog);
  const after = readRequestLog(requestLog).filter((r) => r.at >= started);
  const peaks = peakRates(after);
  // What each approval cost at the IM server, the webhooks' re-reads included.
  const calls = new Map<string, number>();
  for (const r of after) calls.set(r.command, (calls.get(r.command) ?? 0) + 1);
  return { requested: selection.length, ok, errors, seconds, peaks, calls };
}

export const BULK_RUNS = 3;

/** Three bulks in a row, each printed with its load; one goal row each, and the peak per command over all. */
export async function bulkGoals(session: ConsoleSession, requestLog: string, runs = BULK_RUNS): Promise<Goal[]> {
  const rows: (string | number)[][] = [];
  const goals: Goal[] = [];
  let peak = 0;
  let peakCommand = "";
  for (let run = 1; run <= runs; run++) {
    const loadBefore = load();
    const b = await measureBulk(session, requestLog);
    const failed = [...b.errors].map(([code, n]) => `${n}× ${code}`).join(", ");
    const per = (command: string) => ((b.calls.get(`group_open_http_svc/${command}`) ?? 0) / Math.max(1, b.ok)).toFixed(2);
    rows.push([
      run,
      `${b.ok}/${b.requested}${failed ? ` (${failed})` : ""}`,
      `${b.seconds.toFixed(2)} s`,
      per("get_group_info"),
      per("get_group_application_list"),
      loadBefore,
    ]);
    for (const [command, n] of b.peaks.byCommand) if (n > peak) [peak, peakCommand] = [n, command];
    goals.push({
      what: `bulk 1,000 approvals, run ${run} of ${runs}`,
      figure: `${b.seconds.toFixed(2)} s`,
      goal: "≤ 5.5 s",
      met: b.seconds <= 5.5 && b.ok === b.requested,
    });
  }
  printTable([
    ["run", "approved", "time", "get_group_info per approval", "get_group_application_list per approval", "load before"],
    ...rows,
  ]);
  console.log(`  most calls of one command in any 1 s at the IM server: ${peak} (${peakCommand})`);
  goals.push({ what: "bulk: peak per command in 1 s", figure: String(peak), goal: "≤ 200", met: peak <= 200 });
  return goals;
}
