import "server-only";
import type { Store } from "@/lib/server/store/store";

/**
 * Leases: work that only one console instance may do at a time (the directory crawl) is done by whoever
 * holds its lease. Taking and renewing are one conditional upsert, so of two instances exactly one gets it;
 * a holder that dies lets it lapse after `ttlMs`.
 */
export async function takeLease(db: Store, name: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  const changed = await db.run(
    `INSERT INTO leases (name, holder, until) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
     WHERE leases.until < ? OR leases.holder = ?`,
    [name, holder, now + ttlMs, now, holder],
  );
  return changed === 1;
}

export async function releaseLease(db: Store, name: string, holder: string): Promise<void> {
  await db.run("DELETE FROM leases WHERE name = ? AND holder = ?", [name, holder]);
}

/** Who holds the lease now (null when nobody does, or it lapsed). */
export async function leaseHolder(db: Store, name: string, now = Date.now()): Promise<string | null> {
  return (await db.get<{ holder: string }>("SELECT holder FROM leases WHERE name = ? AND until >= ?", [name, now]))?.holder ?? null;
}
