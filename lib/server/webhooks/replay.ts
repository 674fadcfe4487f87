import "server-only";
import { createHash } from "node:crypto";
import type { Store } from "@/lib/server/store/store";
import { MAX_CALLBACK_AGE_SECONDS } from "./callback-auth";

/**
 * Tencent's Sign covers the token and RequestTime only, so a captured webhook can be sent again, as it was, for
 * as long as its RequestTime is accepted. Each one is remembered by RequestTime and body: Tencent sends many
 * webhooks within one second, and only an identical one is a replay.
 *
 * A RequestTime is accepted while it is within 5 minutes of our clock, so a webhook first seen 5 minutes ahead
 * stays acceptable for 10 minutes: that is how long a key is kept.
 */
export const REMEMBER_SEEN_MS = 2 * MAX_CALLBACK_AGE_SECONDS * 1000;
/** Forgetting is a DELETE over an index; once a minute per process keeps the table small enough. */
export const FORGET_EVERY_MS = 60_000;

/** The webhook's identity for replays; null without a RequestTime (no token configured), which has no window to bound. */
export function replayKey(requestTime: string | null, body: Uint8Array): string | null {
  if (!requestTime || !/^\d{1,12}$/.test(requestTime)) return null;
  return `${requestTime}:${createHash("sha256").update(body).digest("hex")}`;
}

const lastForgotten = new WeakMap<Store, number>();

/**
 * Whether this is the first time any console instance on the store receives the webhook: one insert that does
 * nothing on conflict, so of two instances receiving it at once exactly one takes it.
 */
export async function isFirstDelivery(db: Store, key: string, now = Date.now()): Promise<boolean> {
  if (now - (lastForgotten.get(db) ?? -Infinity) >= FORGET_EVERY_MS) {
    lastForgotten.set(db, now);
    await db.run("DELETE FROM webhooks_seen WHERE at < ?", [now - REMEMBER_SEEN_MS]);
  }
  const inserted = await db.get<{ key: string }>(
    "INSERT INTO webhooks_seen (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING RETURNING key",
    [key, now],
  );
  return inserted !== undefined;
}
