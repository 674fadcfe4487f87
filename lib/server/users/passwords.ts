import "server-only";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import bcrypt from "bcryptjs";

/**
 * Password hashes. scrypt runs on libuv's thread pool, so a burst of sign-ins no longer stalls every other
 * request the way bcryptjs (pure JavaScript, on the main thread) did. Parameters are one of OWASP's equivalent
 * scrypt settings (N = 2^15, r = 8, p = 3: 32 MiB and about as slow as bcrypt at cost 12 here). Each hash
 * records its own parameters, so they can be raised later: `needsRehash` says when a stored hash is older.
 * Hashes from before (bcrypt, `$2…`) still verify, and are replaced at the next successful sign-in.
 */
// Unit tests sign in hundreds of times: under vitest (and only there) hashes are made cheap. A hash records its
// parameters, so one made cheap would be replaced at the next sign-in anywhere else.
const PARAMS = process.env.VITEST ? { N: 2 ** 10, r: 8, p: 1 } : { N: 2 ** 15, r: 8, p: 3 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const MAX_MEM = 64 * 1024 * 1024;
const PREFIX = "scrypt";

/**
 * At most this many hashes run at once. libuv's pool has 4 threads and also serves what every request needs
 * (webcrypto, which decrypts each session cookie; file reads): 20 sign-ins at once would otherwise queue every
 * other request behind them. The rest wait here, off the event loop, in arrival order.
 */
const MAX_PARALLEL_HASHES = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: MAX_MEM };
  return inTurn(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize("NFC"), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMS);
  return [PREFIX, PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export type Verdict = { ok: boolean; needsRehash: boolean };

/** Checks a password against a stored hash of either kind; anything unreadable (SSO users' "!") never matches. */
export async function verifyPassword(password: string, stored: string): Promise<Verdict> {
  if (stored.startsWith("$2")) return { ok: await bcrypt.compare(password, stored), needsRehash: true };
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== PREFIX) return { ok: false, needsRehash: false };
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const sane =
    [N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) && N >= 2 && (N & (N - 1)) === 0 && N <= 2 ** 20 && r <= 32 && p <= 16;
  const expected = Buffer.from(parts[5], "base64");
  if (!sane || expected.length !== KEY_BYTES) return { ok: false, needsRehash: false };
  const key = await derive(password, Buffer.from(parts[4], "base64"), { N, r, p });
  const ok = key.length === expected.length && timingSafeEqual(key, expected);
  return { ok, needsRehash: N !== PARAMS.N || r !== PARAMS.r || p !== PARAMS.p };
}

let dummy: Promise<string> | undefined;

/**
 * A hash to check against when the email is unknown, so the answer takes as long as for a real account and
 * timing does not tell which emails exist.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}
