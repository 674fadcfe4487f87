// Latency samples and the figures printed from them.

export type Summary = { n: number; p50: number; p95: number; max: number };

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}

/** How long one call takes, in ms. */
export async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

/** Runs `call` `n` times, `concurrency` at a time, and answers each call's duration in ms. */
export async function sample(n: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  async function worker() {
    while (next < n) {
      const i = next++;
      times.push(await timed(() => call(i)));
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return times;
}

/** The most timestamps (ms) any sliding window of `windowMs` holds. */
export function maxInWindow(timestamps: number[], windowMs = 1000): number {
  const t = [...timestamps].sort((a, b) => a - b);
  let best = 0;
  for (let lo = 0, hi = 0; hi < t.length; hi++) {
    while (t[hi] - t[lo] >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : "n/a");

/** Prints rows as an aligned text table, the first row being the header. */
export function printTable(rows: (string | number)[][]): void {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0].map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  for (const [i, r] of cells.entries()) {
    console.log(
      r
        .map((v, c) => v.padEnd(widths[c]))
        .join("  ")
        .trimEnd(),
    );
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

/** One goal of the issues, as measured; `limits` says what holds a missed goal back (printed on its NO row). */
export type Goal = { what: string; figure: string; goal: string; met: boolean; limits?: string };

/** The table `npm run bench` ends with, headed `Goals`: one row per goal, `yes` or `NO`, and for a NO what limits it. */
export function printGoals(goals: Goal[], note?: string): void {
  console.log(note ? `\nGoals (${note})` : "\nGoals");
  printTable([
    ["goal", "measured", "target", "met", "what limits it"],
    ...goals.map((g) => [g.what, g.figure, g.goal, g.met ? "yes" : "NO", g.met ? "" : (g.limits ?? "")]),
  ]);
}
