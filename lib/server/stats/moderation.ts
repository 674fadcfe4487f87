import "server-only";
import type { ModerationStats, ModerationStatsQuery } from "@/lib/schemas/stats";
import { getDirectoryGroup } from "@/lib/server/directory";
import { getContext } from "@/lib/server/platform/context";
import { scopeClause, type Asker } from "@/lib/server/platform/scope";
import { placeholders, type SqlValue, type Store } from "@/lib/server/store/store";
import { emailsAndNames } from "@/lib/server/users/repo";

const DAY_MS = 86_400_000;
/** Up to this many days, a period's decisions are few enough to sort (see below). */
const SORTED_UP_TO_DAYS = 14;
const PER_GROUP = 10;

/** The period's first instant: midnight UTC `days - 1` days before today's, so today is its last day. */
export function periodStart(days: number, now = Date.now()): Date {
  return new Date(Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
}

/** The UTC dates (YYYY-MM-DD) of the period, oldest first. */
export function periodDates(days: number, now = Date.now()): string[] {
  const start = periodStart(days, now).getTime();
  return Array.from({ length: days }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}

// How the figures stay fast at 100,000 decisions (measured: bench/RESULTS.md § Moderation statistics):
// - Each decision's time is kept in the indexes of decisions (PostgreSQL: a stored column; SQLite: an indexed
//   expression, spelt here exactly as in its migration), and the percentiles are the databases' own
//   (continuous, interpolating, the same in both): no timestamp is parsed and no row leaves the database.
// - SQLite sorts every row of a GROUP BY: the days are counted one index range each (a subquery per day),
//   moderators and groups are grouped in the order of an index that has them in order — a read of the whole
//   index, so a short period (a week or two) is read by time instead and its few rows sorted.
// - SQLite plans without statistics (the console never runs ANALYZE): the indexes are named for it.
//   PostgreSQL plans by its own.
const decisionSeconds = (db: Store) =>
  db.dialect === "postgres" ? "a.decision_seconds" : "((julianday(a.handled_at) - julianday(a.created_at)) * 86400)";
/** A percentile of decision times; `over` wraps the time (`%s`) to leave some out (as NULL). */
const percentile = (db: Store, p: number, over = "%s") => {
  const value = over.replace("%s", decisionSeconds(db));
  return db.dialect === "postgres" ? `percentile_cont(${p}) WITHIN GROUP (ORDER BY ${value})` : `percentile_cont(${value}, ${p})`;
};
const via = (db: Store, index: string) => `inbox_applications a${db.dialect === "sqlite" ? ` INDEXED BY ${index}` : ""}`;

/** Decided: approved or refused, by anyone (closed applications of dismissed groups are not decisions). */
const DECIDED = "a.status IN ('approved', 'refused')";
/** Received, as the queue lists them (it never lists closed ones). */
const RECEIVED = "a.status <> 'closed'";

type N = number | string;
/** ` AND a.group_id IN (…)` for a scoped asker (docs/scopes.md), or nothing: every figure counts their groups alone. */
type Within = { sql: string; args: SqlValue[] };
const withinOf = (who: Asker): Within => {
  const c = scopeClause(who, "a.group_id");
  return c ? { sql: ` AND ${c.sql}`, args: c.args } : { sql: "", args: [] };
};
/** Whole seconds, never below zero (two clocks may disagree by a little); `null` stays null. */
const wholeSeconds = (v: N | null | undefined) => (v === null || v === undefined ? null : Math.max(0, Math.round(Number(v))));
/** `WITH name(cols…) AS (VALUES …)`: one row per entry, its values bound. */
const valuesTable = (name: string, rows: SqlValue[][]) => ({
  sql: `WITH ${name} AS (VALUES ${rows.map((r) => `(${placeholders(r.length)})`).join(", ")})`,
  args: rows.flat(),
});

async function pendingNow(db: Store, w: Within) {
  const row = await db.get<{ n: N; oldest: string | null }>(
    `SELECT COUNT(*) AS n, MIN(a.created_at) AS oldest FROM inbox_applications a WHERE a.status = 'pending'${w.sql}`,
    w.args,
  );
  return { pending: Number(row?.n ?? 0), oldestPendingAt: row?.oldest ?? null };
}

/** Each day of the period: received (by arrival), approved and refused (by decision). */
async function perDay(db: Store, dates: string[], w: Within): Promise<ModerationStats["perDay"]> {
  const bounds = dates.map((d) => {
    const start = Date.parse(`${d}T00:00:00.000Z`);
    return [d, new Date(start).toISOString(), new Date(start + DAY_MS).toISOString()];
  });
  const days = valuesTable("days(d, s, e)", bounds);
  const count = (index: string, at: string, where: string) =>
    `(SELECT COUNT(*) FROM ${via(db, index)} WHERE a.${at} >= days.s AND a.${at} < days.e AND ${where}${w.sql})`;
  const rows = await db.all<{ d: string; received: N; approved: N; refused: N }>(
    `${days.sql} SELECT days.d AS d, ${count("inbox_received", "created_at", RECEIVED)} AS received,
       ${count("inbox_decided", "handled_at", "a.status = 'approved'")} AS approved,
       ${count("inbox_decided", "handled_at", "a.status = 'refused'")} AS refused
     FROM days`,
    [...days.args, ...w.args, ...w.args, ...w.args],
  );
  const byDate = new Map(rows.map((r) => [r.d, r]));
  return dates.map((date) => {
    const r = byDate.get(date);
    return { date, received: Number(r?.received ?? 0), approved: Number(r?.approved ?? 0), refused: Number(r?.refused ?? 0) };
  });
}

/** How long people took: a rule decides as the application arrives, and would only pull the figures towards 0. */
async function decisionTimes(db: Store, since: string, w: Within) {
  const row = await db.get<{ median: N | null; p90: N | null }>(
    `SELECT ${percentile(db, 0.5)} AS median, ${percentile(db, 0.9)} AS p90 FROM ${via(db, "inbox_decided")}
      WHERE a.handled_at >= ? AND ${DECIDED} AND (a.handled_via IS NULL OR a.handled_via <> 'rule')${w.sql}`,
    [since, ...w.args],
  );
  return { medianDecisionSeconds: wholeSeconds(row?.median), p90DecisionSeconds: wholeSeconds(row?.p90) };
}

/**
 * Console users who decided in the console in the period, most decisions first (then by email), and how many
 * rules decided. The moderators' index has deciders in order, so grouping by them reads it once and sorts nothing.
 */
async function perDecider(db: Store, since: string, wide: boolean, w: Within) {
  const [rows, users] = await Promise.all([
    db.all<{ who: string; how: "console" | "rule"; approved: N; refused: N; median: N | null }>(
      `SELECT a.handled_by AS who, a.handled_via AS how, SUM(CASE WHEN a.status = 'approved' THEN 1 ELSE 0 END) AS approved,
              SUM(CASE WHEN a.status = 'refused' THEN 1 ELSE 0 END) AS refused,
              ${percentile(db, 0.5, "CASE WHEN a.handled_via = 'console' THEN %s END")} AS median
         FROM ${via(db, wide ? "inbox_by_moderator" : "inbox_decided")}
        WHERE a.handled_by IS NOT NULL AND a.handled_via IN ('console', 'rule') AND a.handled_at >= ? AND ${DECIDED}${w.sql}
        GROUP BY a.handled_by, a.handled_via`,
      [since, ...w.args],
    ),
    emailsAndNames(db),
  ]);
  const names = new Map(users.map((u) => [u.email.toLowerCase(), u.name]));
  const rules = rows.filter((r) => r.how === "rule");
  const perModerator = rows
    .filter((r) => r.how === "console")
    .map((r) => ({
      by: r.who,
      name: names.get(r.who.toLowerCase()) || r.who,
      approved: Number(r.approved),
      refused: Number(r.refused),
      medianDecisionSeconds: wholeSeconds(r.median),
    }))
    .sort((x, y) => y.approved + y.refused - (x.approved + x.refused) || x.by.localeCompare(y.by));
  const byRule = { approved: rules.reduce((n, r) => n + Number(r.approved), 0), refused: rules.reduce((n, r) => n + Number(r.refused), 0) };
  return { perModerator, byRule };
}

async function perGroup(db: Store, since: string, wide: boolean, w: Within): Promise<ModerationStats["perGroup"]> {
  const top = await db.all<{ group_id: string; n: N }>(
    `SELECT a.group_id AS group_id, COUNT(*) AS n FROM ${via(db, wide ? "inbox_by_group" : "inbox_received")} WHERE a.created_at >= ? AND ${RECEIVED}${w.sql}
      GROUP BY a.group_id ORDER BY COUNT(*) DESC, a.group_id LIMIT ${PER_GROUP}`,
    [since, ...w.args],
  );
  if (top.length === 0) return [];
  const ids = top.map((t) => t.group_id);
  const pending = await db.all<{ group_id: string; n: N }>(
    `SELECT group_id, COUNT(*) AS n FROM inbox_applications WHERE status = 'pending' AND group_id IN (${placeholders(ids.length)})
      GROUP BY group_id`,
    ids,
  );
  const pendingOf = new Map(pending.map((p) => [p.group_id, Number(p.n)]));
  return Promise.all(
    top.map(async (t) => ({
      groupId: t.group_id,
      // A group gone from the directory (dismissed) keeps its figures, without a name.
      groupName: (await getDirectoryGroup(db, t.group_id))?.name ?? "",
      received: Number(t.n),
      pending: pendingOf.get(t.group_id) ?? 0,
    })),
  );
}

/**
 * The dashboard's figures (docs/contracts.md § Moderation statistics) over the last `days` UTC days, read from
 * the applications model: received counts by arrival, approved and refused by decision, both in the period;
 * pending is now. Every figure is one the queue can list (the dashboard links each to it); a scoped asker's
 * figures are of their groups alone.
 */
export async function moderationStats(input: ModerationStatsQuery, who: Asker, now = Date.now()): Promise<ModerationStats> {
  const { db } = getContext();
  const since = periodStart(input.days, now).toISOString();
  const w = withinOf(who);
  const [pending, days, times, deciders, groups] = await Promise.all([
    pendingNow(db, w),
    perDay(db, periodDates(input.days, now), w),
    decisionTimes(db, since, w),
    perDecider(db, since, input.days > SORTED_UP_TO_DAYS, w),
    perGroup(db, since, input.days > SORTED_UP_TO_DAYS, w),
  ]);
  const sum = (k: "received" | "approved" | "refused") => days.reduce((n, d) => n + d[k], 0);
  return {
    ...pending,
    received: sum("received"),
    approved: sum("approved"),
    refused: sum("refused"),
    byRule: deciders.byRule,
    ...times,
    perDay: days,
    perModerator: deciders.perModerator,
    perGroup: groups,
  };
}
