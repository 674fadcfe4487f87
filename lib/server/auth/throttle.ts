import "server-only";
import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import type { SignInFailures } from "@/lib/schemas/user";
import type { Store } from "@/lib/server/store/store";

/**
 * Sign-in throttling, by client address (from the front proxy, never a header the client wrote):
 *  - per address: 20 unsuccessful attempts in 15 minutes, whatever accounts they try (spraying);
 *  - per account at one address: 5 (guessing one password from one place).
 * An account is never locked as a whole, so strangers elsewhere cannot lock its owner out. Guessing one account
 * from many addresses is slowed instead: once the account has more than 5 failures in the window, an attempt
 * from an address that has failed itself waits, doubling from 250 ms up to 5 s; an address with no failures of
 * its own (the owner, at their desk) waits for nothing.
 * Each attempt is reserved before its password is checked, under a lock per address, so a burst of parallel
 * guesses is counted as it arrives, not after. A success takes its reservation back.
 */
export const WINDOW_MS = 15 * 60 * 1000;
export const LIMITS = { perAddress: 20, perAccountAtAddress: 5 } as const;
const DELAY = { freeFailures: 5, firstMs: 250, maxMs: 5_000 } as const;

/** Attempts made where no address is known (a console run without its front proxy) share one bucket. */
export const UNKNOWN_ADDRESS = "unknown";

export type Attempt = { email: string; ip: string | null };
export type Reservation = { id: string; email: string; ip: string; delayMs: number };
export type ReserveResult = { allowed: true; reservation: Reservation } | { allowed: false };

/**
 * What one address is, for counting: an IPv4 address, or an IPv6 address's /64 (one host or home network
 * holds a whole /64, so counting each of its addresses apart would give a guesser billions of fresh starts).
 */
export function addressKey(ip: string | null): string {
  if (!ip) return UNKNOWN_ADDRESS;
  if (isIP(ip) !== 6) return ip;
  const [head, tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

const normalize = (a: Attempt) => ({ email: a.email.trim().toLowerCase(), ip: addressKey(a.ip) });

const count = async (db: Store, where: string, params: (string | number)[]) =>
  (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM signin_attempts WHERE ${where}`, params))!.n;

export function delayFor(accountFailures: number, addressHasFailed: boolean): number {
  if (!addressHasFailed || accountFailures <= DELAY.freeFailures) return 0;
  return Math.min(DELAY.maxMs, DELAY.firstMs * 2 ** (accountFailures - DELAY.freeFailures - 1));
}

export async function reserveAttempt(db: Store, attempt: Attempt, now = Date.now()): Promise<ReserveResult> {
  const { email, ip } = normalize(attempt);
  const since = now - WINDOW_MS;
  return db.transaction(
    async (tx) => {
      // Reserved but unsettled attempts count too: they are guesses in flight.
      if ((await count(tx, "ip = ? AND at > ?", [ip, since])) >= LIMITS.perAddress) return { allowed: false };
      if ((await count(tx, "ip = ? AND email = ? AND at > ?", [ip, email, since])) >= LIMITS.perAccountAtAddress) return { allowed: false };
      const addressHasFailed = (await count(tx, "ip = ? AND outcome = 'failed' AND at > ?", [ip, since])) > 0;
      const accountFailures = await count(tx, "email = ? AND outcome = 'failed' AND at > ?", [email, since]);
      const id = randomUUID();
      await tx.run("INSERT INTO signin_attempts (id, email, ip, at, outcome) VALUES (?, ?, ?, ?, 'pending')", [id, email, ip, now]);
      return { allowed: true, reservation: { id, email, ip, delayMs: delayFor(accountFailures, addressHasFailed) } };
    },
    { serializeOn: `signin:${ip}` },
  );
}

/** A check that could not be made (the store or the hash failed) is no guess: its reservation is taken back. */
export async function cancelAttempt(db: Store, reservation: Reservation): Promise<void> {
  await db.run("DELETE FROM signin_attempts WHERE id = ?", [reservation.id]);
}

/** A success forgives this address's failures for this account; a failure stays counted for the window. */
export async function settleAttempt(db: Store, reservation: Reservation, ok: boolean, now = Date.now()): Promise<void> {
  if (ok) {
    await db.run("DELETE FROM signin_attempts WHERE id = ? OR (email = ? AND ip = ?)", [reservation.id, reservation.email, reservation.ip]);
  } else {
    await db.run("UPDATE signin_attempts SET outcome = 'failed' WHERE id = ?", [reservation.id]);
  }
  // Keep the table to what the window can still see.
  await db.run("DELETE FROM signin_attempts WHERE at <= ?", [now - WINDOW_MS]);
}

/** Accounts that failed to sign in within the window, most failures first: for admins to see guessing. */
export async function recentFailuresByAccount(db: Store, now = Date.now(), limit = 50): Promise<SignInFailures[]> {
  const rows = await db.all<{ email: string; failures: number; addresses: number; last_at: number }>(
    `SELECT email, COUNT(*) AS failures, COUNT(DISTINCT ip) AS addresses, MAX(at) AS last_at
       FROM signin_attempts WHERE outcome = 'failed' AND at > ? GROUP BY email ORDER BY failures DESC, email LIMIT ?`,
    [now - WINDOW_MS, limit],
  );
  return rows.map((r) => ({
    email: r.email,
    failures: Number(r.failures),
    addresses: Number(r.addresses),
    lastAt: new Date(Number(r.last_at)).toISOString(),
  }));
}

/**
 * Runs a password check under a reservation: waits the reservation's delay, then settles it by the outcome
 * (a non-null answer is a success), or takes it back when the check itself fails.
 */
export async function checkReserved<T>(
  db: Store,
  reservation: Reservation,
  check: () => Promise<T | null>,
  wait: (ms: number) => Promise<unknown>,
): Promise<T | null> {
  if (reservation.delayMs > 0) await wait(reservation.delayMs);
  let outcome: T | null;
  try {
    outcome = await check();
  } catch (err) {
    await cancelAttempt(db, reservation).catch(() => {});
    throw err;
  }
  await settleAttempt(db, reservation, outcome !== null);
  return outcome;
}
