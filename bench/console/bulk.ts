// Bulk approval: 1,000 pending applications through POST /api/applications/bulk in sequential chunks of 100,
// as the browser sends them, with the console's gateway at Tencent's 200 requests/s; the rate is counted
// where Tencent would count it, at the IM server.
import type { ConsoleSession } from "../lib/console-session";
import { peakRates, readRequestLog, waitForQuiet } from "../lib/request-log";

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
  const peaks = peakRates(readRequestLog(requestLog).filter((r) => r.at >= started));
  return { requested: selection.length, ok, errors, seconds, peaks };
}
