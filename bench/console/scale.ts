// The groups list at 100,000 groups, through the BFF: first page, a type filter, name searches.
import type { ConsoleSession } from "../lib/console-session";
import { sample, summarize, type Summary } from "../lib/stats";

/** The queries (`goal`), then one beyond it: a search that matches a single group has to test them all. */
export const SCALE_QUERIES: { name: string; path: string; goal: boolean }[] = [
  { name: "first page (newest first)", path: "/api/groups?limit=50", goal: true },
  { name: "filter: type=Public", path: "/api/groups?type=Public&limit=50", goal: true },
  { name: "search CJK substring 摄影", path: `/api/groups?q=${encodeURIComponent("摄影")}&limit=50`, goal: true },
  { name: "search Latin substring hikers", path: "/api/groups?q=hikers&limit=50", goal: true },
  // Names end in a serial number, so this one matches one group.
  { name: "search, one match (77777)", path: "/api/groups?q=77777&limit=50", goal: false },
];

export async function measureScale(
  session: ConsoleSession,
  n = 200,
): Promise<{ name: string; goal: boolean; total: number; summary: Summary }[]> {
  const out = [];
  for (const { name, path, goal } of SCALE_QUERIES) {
    const { total } = await session.get<{ total: number }>(path);
    await sample(5, 1, () => session.get(path));
    out.push({ name, goal, total, summary: summarize(await sample(n, 1, () => session.get(path))) });
  }
  return out;
}
