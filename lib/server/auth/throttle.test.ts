import { expect, it } from "vitest";
import { addressKey, checkReserved, delayFor, LIMITS, recentFailuresByAccount, reserveAttempt, settleAttempt, WINDOW_MS } from "./throttle";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";

const MINUTE = 60_000;
const t0 = 1_700_000_000_000;

describeEachStore("sign-in throttling", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));

  /** `times` wrong passwords for `email` from `ip`, one millisecond apart. */
  const fail = async (email: string, ip: string, times: number, at = t0) => {
    for (let i = 0; i < times; i++) {
      const r = await reserveAttempt(db, { email, ip }, at + i);
      if (!r.allowed) throw new Error(`attempt ${i} was refused`);
      await settleAttempt(db, r.reservation, false, at + i);
    }
  };
  const allowed = async (email: string, ip: string | null, at = t0 + MINUTE) => (await reserveAttempt(db, { email, ip }, at)).allowed;

  it("refuses an account at one address after five failures there, and only there: its owner elsewhere gets in", async () => {
    await fail("Kim@Example.com", "203.0.113.7", LIMITS.perAccountAtAddress);
    expect(await allowed("kim@example.com", "203.0.113.7")).toBe(false);
    expect(await allowed(" KIM@example.com ", "198.51.100.1")).toBe(true);
    expect(await allowed("lee@example.com", "203.0.113.7")).toBe(true);
    expect(await allowed("kim@example.com", "203.0.113.7", t0 + WINDOW_MS + 10)).toBe(true);
  });

  it("refuses an address after twenty failures across many accounts; other addresses are not affected", async () => {
    for (let i = 0; i < LIMITS.perAddress; i++) await fail(`user${i}@example.com`, "203.0.113.9", 1, t0 + i);
    expect(await allowed("new@example.com", "203.0.113.9")).toBe(false);
    expect(await allowed("new@example.com", "203.0.113.8")).toBe(true);
  });

  it("thirty guesses at the admin from thirty addresses never refuse the admin at an address that has not failed", async () => {
    for (let i = 0; i < 30; i++) await fail("admin@localhost", `198.51.100.${i + 1}`, 1, t0 + i);
    const owner = await reserveAttempt(db, { email: "admin@localhost", ip: "192.0.2.10" }, t0 + MINUTE);
    expect(owner).toEqual({ allowed: true, reservation: expect.objectContaining({ delayMs: 0 }) });
    // A guessing address that comes back is slowed, not refused: the account has 30 failures.
    const guesser = await reserveAttempt(db, { email: "admin@localhost", ip: "198.51.100.1" }, t0 + MINUTE);
    expect(guesser).toEqual({ allowed: true, reservation: expect.objectContaining({ delayMs: 5_000 }) });
  });

  it("reserves each attempt before its password is checked: a burst of 30 parallel guesses gets 5 through", async () => {
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => reserveAttempt(db, { email: "kim@example.com", ip: "203.0.113.7" }, t0)),
    );
    expect(burst.filter((r) => r.allowed)).toHaveLength(LIMITS.perAccountAtAddress);
  });

  it("a correct password takes its reservation back and forgives that address's failures for that account", async () => {
    await fail("kim@example.com", "203.0.113.7", 4);
    const r = await reserveAttempt(db, { email: "kim@example.com", ip: "203.0.113.7" }, t0 + 10);
    if (!r.allowed) throw new Error("refused");
    await settleAttempt(db, r.reservation, true, t0 + 10);
    expect(await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM signin_attempts")).toEqual({ n: 0 });
  });

  it("forgets attempts the window can no longer see", async () => {
    await fail("old@example.com", "203.0.113.7", 3, t0);
    await fail("new@example.com", "203.0.113.7", 1, t0 + 16 * MINUTE);
    expect(await db.all("SELECT email FROM signin_attempts")).toEqual([{ email: "new@example.com" }]);
  });

  it("counts an IPv6 network (/64) as one address: a guesser cannot start afresh from each of its addresses", async () => {
    for (let i = 0; i < LIMITS.perAccountAtAddress; i++) await fail("kim@example.com", `2001:db8:1:2::${i + 1}`, 1, t0 + i);
    expect(await allowed("kim@example.com", "2001:db8:1:2:ffff::9")).toBe(false);
    expect(await allowed("kim@example.com", "2001:db8:1:3::1")).toBe(true);
  });

  it("a check that fails (the store, the hash) is no guess: its reservation is taken back", async () => {
    const r = await reserveAttempt(db, { email: "kim@example.com", ip: "203.0.113.7" }, t0);
    if (!r.allowed) throw new Error("refused");
    await expect(
      checkReserved(
        db,
        r.reservation,
        async () => {
          throw new Error("store down");
        },
        async () => {},
      ),
    ).rejects.toThrow("store down");
    expect(await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM signin_attempts")).toEqual({ n: 0 });
  });

  it("tells admins which accounts are being guessed at, and from how many addresses", async () => {
    for (let i = 0; i < 7; i++) await fail("admin@localhost", `198.51.100.${i % 3}`, 1, t0 + i);
    await fail("kim@example.com", "203.0.113.7", 2, t0 + 10);
    expect(await recentFailuresByAccount(db, t0 + MINUTE)).toEqual([
      { email: "admin@localhost", failures: 7, addresses: 3, lastAt: new Date(t0 + 6).toISOString() },
      { email: "kim@example.com", failures: 2, addresses: 1, lastAt: new Date(t0 + 11).toISOString() },
    ]);
  });
});

it("the delay grows with the account's failures, is capped at 5 s, and spares an address that has not failed", () => {
  expect([5, 6, 7, 8, 9, 10, 11, 50].map((n) => delayFor(n, true))).toEqual([0, 250, 500, 1000, 2000, 4000, 5000, 5000]);
  expect(delayFor(50, false)).toBe(0);
});

it("an IPv6 address counts by its /64, however it is written; IPv4 as it is", () => {
  expect(addressKey("2001:db8:0:1::5")).toBe("2001:db8:0:1::/64");
  expect(addressKey("2001:0DB8:0000:0001:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:0:1::/64");
  expect(addressKey("::1")).toBe("0:0:0:0::/64");
  expect(addressKey("fe80::1")).toBe("fe80:0:0:0::/64");
  expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
  expect(addressKey(null)).toBe("unknown");
});
