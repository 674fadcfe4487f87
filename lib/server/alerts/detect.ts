import "server-only";
import { getDirectoryGroup } from "@/lib/server/directory";
import { placeholders, type Store } from "@/lib/server/store/store";

/** What a stale alert says of one application (its wait is counted again when the alert goes out). */
export type StaleItem = { applicationId: string; groupId: string; requesterId: string; createdAt: string; waitedMinutes: number };
/** What a burst alert says of one group: `count` applications created from `windowStart` to `windowEnd`. */
export type BurstItem = { groupId: string; groupName: string | null; count: number; windowStart: string; windowEnd: string };

export const MINUTE_MS = 60_000;
/** A first round over a large backlog is spread over a few rounds rather than one long statement. */
const STALE_PER_ROUND = 1_000;
/** Rows per INSERT: 5 values each, far below both databases' limits on bound parameters. */
const INSERT_ROWS = 200;
/** Earlier bursts are looked up this far back: longer than a window, plus room for clocks between instances. */
const BURST_LOOKBACK_MS = 5 * MINUTE_MS;

type AppRow = { id: number | string; group_id: string; requester_id: string; created_at: string };

/**
 * Every pending application created before `now − staleMinutes` becomes one outbox row keyed by its ID. The
 * insert does nothing when the row exists, so instances detecting at once write it once.
 */
export async function detectStale(db: Store, staleMinutes: number, now: number): Promise<number> {
  const before = new Date(now - staleMinutes * MINUTE_MS).toISOString();
  const rows = await db.all<AppRow>(
    `SELECT a.id, a.group_id, a.requester_id, a.created_at FROM inbox_applications a
     WHERE a.status = 'pending' AND a.created_at < ?
       AND NOT EXISTS (SELECT 1 FROM alert_outbox o WHERE o.kind = 'stale' AND o.key = CAST(a.id AS TEXT))
     ORDER BY a.created_at, a.id LIMIT ?`,
    [before, STALE_PER_ROUND],
  );
  const items = rows.map((r): [string, StaleItem] => {
    const applicationId = String(r.id);
    const waitedMinutes = Math.floor((now - Date.parse(r.created_at)) / MINUTE_MS);
    return [applicationId, { applicationId, groupId: r.group_id, requesterId: r.requester_id, createdAt: r.created_at, waitedMinutes }];
  });
  return insertRows(db, "stale", items, now);
}

/**
 * A burst: more than `perMinute` applications to one group within the minute before `now`. An application
 * counts towards one alert at most: a new one for the group counts only what arrived after the window of the
 * last (so a raid that goes on is reported again, once per window it fills, and a burst straddling two minutes
 * once). Detection runs serialized across instances, so two cannot each see "no alert yet" for one window.
 */
export async function detectBursts(db: Store, perMinute: number, now: number): Promise<number> {
  const nowIso = new Date(now).toISOString();
  const since = new Date(now - MINUTE_MS).toISOString();
  const candidates = await db.all<{ group_id: string }>(
    `SELECT group_id FROM inbox_applications WHERE created_at > ? AND created_at <= ? GROUP BY group_id HAVING COUNT(*) > ?`,
    [since, nowIso, perMinute],
  );
  if (candidates.length === 0) return 0;
  return db.transaction(
    async (tx) => {
      const covered = await coveredUntil(tx, now);
      const items: [string, BurstItem][] = [];
      for (const { group_id: groupId } of candidates) {
        const from = [since, covered.get(groupId) ?? ""].sort().at(-1)!;
        const window = await tx.get<{ n: number | string; first: string | null }>(
          `SELECT COUNT(*) AS n, MIN(created_at) AS first FROM inbox_applications WHERE group_id = ? AND created_at > ? AND created_at <= ?`,
          [groupId, from, nowIso],
        );
        const count = Number(window?.n ?? 0);
        if (count <= perMinute || !window?.first) continue;
        const groupName = (await getDirectoryGroup(tx, groupId))?.name ?? null;
        items.push([`${groupId}:${window.first}`, { groupId, groupName, count, windowStart: window.first, windowEnd: nowIso }]);
      }
      return insertRows(tx, "burst", items, now);
    },
    { serializeOn: "alerts.burst" },
  );
}

/** Per group, the end of the window its latest burst alert covered. */
async function coveredUntil(db: Store, now: number): Promise<Map<string, string>> {
  const rows = await db.all<{ payload: string }>("SELECT payload FROM alert_outbox WHERE kind = 'burst' AND created_at > ?", [
    now - BURST_LOOKBACK_MS,
  ]);
  const covered = new Map<string, string>();
  for (const { payload } of rows) {
    const item = JSON.parse(payload) as BurstItem;
    if ((covered.get(item.groupId) ?? "") < item.windowEnd) covered.set(item.groupId, item.windowEnd);
  }
  return covered;
}

async function insertRows(db: Store, kind: "stale" | "burst", items: [string, StaleItem | BurstItem][], now: number): Promise<number> {
  let added = 0;
  for (let i = 0; i < items.length; i += INSERT_ROWS) {
    const chunk = items.slice(i, i + INSERT_ROWS);
    added += await db.run(
      `INSERT INTO alert_outbox (kind, key, payload, created_at, sent_at) VALUES ${chunk.map(() => `(${placeholders(5)})`).join(", ")}
       ON CONFLICT (kind, key) DO NOTHING`,
      chunk.flatMap(([key, item]) => [kind, key, JSON.stringify(item), now, null]),
    );
  }
  return added;
}

/** Old sent rows go, a day after sending; a stale row stays while its application waits, so it is never alerted twice. */
export async function pruneSent(db: Store, now: number): Promise<void> {
  const before = now - 24 * 60 * MINUTE_MS;
  await db.run("DELETE FROM alert_outbox WHERE kind = 'burst' AND sent_at IS NOT NULL AND sent_at < ?", [before]);
  for (let after = ""; ; ) {
    const keys = (
      await db.all<{ key: string }>(
        "SELECT key FROM alert_outbox WHERE kind = 'stale' AND sent_at IS NOT NULL AND sent_at < ? AND key > ? ORDER BY key LIMIT 500",
        [before, after],
      )
    ).map((r) => r.key);
    if (keys.length === 0) return;
    after = keys[keys.length - 1];
    const waiting = await stillPending(db, keys);
    const gone = keys.filter((k) => !waiting.has(k));
    if (gone.length > 0) await db.run(`DELETE FROM alert_outbox WHERE kind = 'stale' AND key IN (${placeholders(gone.length)})`, gone);
  }
}

/** Which of these application IDs are still pending. */
export async function stillPending(db: Store, ids: string[]): Promise<Set<string>> {
  const ns = ids.filter((id) => /^[1-9]\d{0,15}$/.test(id)).map(Number);
  if (ns.length === 0) return new Set();
  const rows = await db.all<{ id: number | string }>(
    `SELECT id FROM inbox_applications WHERE status = 'pending' AND id IN (${placeholders(ns.length)})`,
    ns,
  );
  return new Set(rows.map((r) => String(r.id)));
}
