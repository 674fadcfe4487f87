import { expect, it } from "vitest";
import { clearEmailFailures, isThrottled, recordFailure } from "./signin-throttle";
import { describeEachStore, freshStoreEachTest, type TestStore } from "./store/test-stores";

const MINUTE = 60_000;

describeEachStore("sign-in throttling", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));

  const fail = async (email: string, ip: string, times: number, at: number) => {
    for (let i = 0; i < times; i++) await recordFailure(db, { email, ip }, at + i);
  };
  const t0 = 1_700_000_000_000;

  it("refuses an email after five failures, for that email only, until the window passes", async () => {
    await fail("Kim@Example.com", "10.0.0.1", 4, t0);
    expect(await isThrottled(db, { email: "kim@example.com", ip: "10.0.0.1" }, t0 + MINUTE)).toBe(false);
    await fail("kim@example.com", "10.0.0.1", 1, t0 + MINUTE);
    expect(await isThrottled(db, { email: " KIM@example.com ", ip: "10.0.0.2" }, t0 + 2 * MINUTE)).toBe(true);
    expect(await isThrottled(db, { email: "lee@example.com", ip: "10.0.0.1" }, t0 + 2 * MINUTE)).toBe(false);
    expect(await isThrottled(db, { email: "kim@example.com", ip: "10.0.0.1" }, t0 + 15 * MINUTE + 10)).toBe(false);
  });

  it("refuses an address after twenty failures across many emails", async () => {
    for (let i = 0; i < 20; i++) await fail(`user${i}@example.com`, "10.0.0.9", 1, t0 + i);
    expect(await isThrottled(db, { email: "new@example.com", ip: "10.0.0.9" }, t0 + MINUTE)).toBe(true);
    expect(await isThrottled(db, { email: "new@example.com", ip: "10.0.0.8" }, t0 + MINUTE)).toBe(false);
    expect(await isThrottled(db, { email: "new@example.com", ip: null }, t0 + MINUTE)).toBe(false);
  });

  it("forgives an email's failures after a correct password, but not the address's", async () => {
    await fail("kim@example.com", "10.0.0.1", 5, t0);
    await clearEmailFailures(db, "KIM@example.com");
    expect(await isThrottled(db, { email: "kim@example.com" }, t0 + MINUTE)).toBe(false);
    const left = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM signin_failures WHERE key = 'ip:10.0.0.1'");
    expect(left?.n).toBe(5);
  });

  it("drops failures the windows can no longer see", async () => {
    await fail("old@example.com", "10.0.0.1", 3, t0);
    await recordFailure(db, { email: "new@example.com" }, t0 + 16 * MINUTE);
    const rows = await db.all<{ key: string }>("SELECT key FROM signin_failures");
    expect(rows.map((r) => r.key)).toEqual(["email:new@example.com"]);
  });
});
