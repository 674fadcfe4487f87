// The groups list at 100,000 groups, through the BFF: first page, a type filter, name searches.
import type { ConsoleSession } from "../lib/console-session";
import { sample, summarize, type Summary } from "../lib/stats";

export const SCALE_QUERIES: [string, string][] = [
  ["first page (newest first)", "/api/groups?limit=50"],
  ["filter: type=Public", "/api/groups?type=Public&limit=50"],
  ["search CJK substring 摄影", `/api/groups?q=${encodeURIComponent("摄影")}&limit=50`],
  ["search Latin substring hikers", "/api/groups?q=hikers&limit=50"],
  // Names end in a serial number: a search that matches a single group has to look through all of them.
  ["search, one match (77777)", "/api/groups?q=77777&limit=50"],
];

export async function measureScale(session: ConsoleSession, n = 100): Promise<{ name: string; total: number; summary: Summary }[]> {
  const out = [];
  for (const [name, path] of SCALE_QUERIES) {
    const { total } = await session.get<{ total: number }>(path);
    await sample(5, 1, () => session.get(path));
    out.push({ name, total, summary: summarize(await sample(n, 1, () => session.get(path))) });
  }
  return out;
}
