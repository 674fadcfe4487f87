import "server-only";
import { readState, writeState } from "@/lib/server/directory";
import type { Store } from "@/lib/server/store/store";

/**
 * How the last delivery went, kept in the store so that /api/health on any instance tells the same story,
 * whichever instance sent. `lastError` says what went wrong in words that carry neither the URL nor the secret.
 */
export type AlertStatus = { lastOkAt: string | null; lastError: string | null };

const LAST_OK_AT = "alerts.lastOkAt";
const LAST_ERROR = "alerts.lastError";

export async function readAlertStatus(db: Store): Promise<AlertStatus> {
  const [lastOkAt, lastError] = await Promise.all([readState(db, LAST_OK_AT), readState(db, LAST_ERROR)]);
  return { lastOkAt, lastError };
}

/** A delivery went through: the last error is cleared, the webhook works again. */
export async function recordAlertOk(db: Store, at: Date): Promise<void> {
  await writeState(db, LAST_OK_AT, at.toISOString());
  await writeState(db, LAST_ERROR, null);
}

export async function recordAlertError(db: Store, message: string): Promise<void> {
  await writeState(db, LAST_ERROR, message);
}
