import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearEmailFailures, isThrottled, recordFailure } from "./signin-throttle";
import { openDb, type Store } from "./store/db";

const MINUTE = 60_000;
let db: Store;
beforeEach(() => {
  db = openDb(":memory:");
});
afterEach(() => db.close());

const fail = (email: string, ip: string, times: number, at: number) => {
  for (let i = 0; i < times; i++) recordFailure(db, { email, ip }, at + i);
};

describe("sign-in throttling", () => {
  const t0 = 1_700_000_000_000;

  it("refuses an email after five failures, for that email only, until the window passes", () => {
    fail("Kim@Example.com", "10.0.0.1", 4, t0);
    expect(isThrottled(db, { email: "kim@example.com", ip: "10.0.0.1" }, t0 + MINUTE)).toBe(false);
    fail("kim@example.com", "10.0.0.1", 1, t0 + MINUTE);
    expect(isThrottled(db, { email: " KIM@example.com ", ip: "10.0.0.2" }, t0 + 2 * MINUTE)).toBe(true);
    expect(isThrottled(db, { email: "lee@example.com", ip: "10.0.0.1" }, t0 + 2 * MINUTE)).toBe(false);
    expect(isThrottled(db, { email: "kim@example.com", ip: "10.0.0.1" }, t0 + 15 * MINUTE + 10)).toBe(false);
  });

  it("refuses an address after twenty failures across many emails", () => {
    for (let i = 0; i < 20; i++) fail(`user${i}@example.com`, "10.0.0.9", 1, t0 + i);
    expect(isThrottled(db, { email: "new@example.com", ip: "10.0.0.9" }, t0 + MINUTE)).toBe(true);
    expect(isThrottled(db, { email: "new@example.com", ip: "10.0.0.8" }, t0 + MINUTE)).toBe(false);
    expect(isThrottled(db, { email: "new@example.com", ip: null }, t0 + MINUTE)).toBe(false);
  });

  it("forgives an email's failures after a correct password, but not the address's", () => {
    fail("kim@example.com", "10.0.0.1", 5, t0);
    clearEmailFailures(db, "KIM@example.com");
    expect(isThrottled(db, { email: "kim@example.com" }, t0 + MINUTE)).toBe(false);
    const left = db.prepare("SELECT COUNT(*) AS n FROM signin_failures WHERE key = 'ip:10.0.0.1'").get() as { n: number };
    expect(left.n).toBe(5);
  });

  it("drops failures the windows can no longer see", () => {
    fail("old@example.com", "10.0.0.1", 3, t0);
    recordFailure(db, { email: "new@example.com" }, t0 + 16 * MINUTE);
    const rows = db.prepare("SELECT key FROM signin_failures").all() as { key: string }[];
    expect(rows.map((r) => r.key)).toEqual(["email:new@example.com"]);
  });
});
