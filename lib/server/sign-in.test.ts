import { describe, expect, it } from "vitest";
import { clientIp, signInWithPassword, SIGNIN_RATE_LIMITED } from "./sign-in";
import { describeEachStore, freshStoreEachTest, type TestStore } from "./store/test-stores";
import { createUser } from "./users";

describe("clientIp", () => {
  it("takes the entry the nearest proxy added, not one the client wrote", () => {
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" })).toBe("203.0.113.7");
    expect(clientIp({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("::ffff:127.0.0.1");
    expect(clientIp({})).toBeNull();
    expect(clientIp(undefined)).toBeNull();
  });
});

describeEachStore("signInWithPassword", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));

  const audit = () => db.all<Record<string, unknown>>("SELECT actor_id, actor_email, action, after, result FROM audit ORDER BY id");

  it("audits a success with the user, and a failure with the email tried, never the password", async () => {
    const user = await createUser(db, { email: "kim@example.com", password: "right-password", role: "viewer" });
    expect(await signInWithPassword(db, { email: " KIM@example.com", password: "right-password", ip: "10.0.0.1" })).toMatchObject({ id: user.id });
    expect(await signInWithPassword(db, { email: "kim@example.com", password: "wrong-password", ip: "10.0.0.1" })).toBeNull();
    expect(await audit()).toEqual([
      { actor_id: Number(user.id), actor_email: "kim@example.com", action: "auth.signin", after: '{"ip":"10.0.0.1"}', result: "ok" },
      { actor_id: null, actor_email: "kim@example.com", action: "auth.signin_failed", after: '{"ip":"10.0.0.1"}', result: "unauthenticated" },
    ]);
    expect(JSON.stringify(await audit())).not.toContain("password");
  });

  it("refuses even the right password once the email has failed five times", async () => {
    await createUser(db, { email: "lee@example.com", password: "right-password", role: "viewer" });
    for (let i = 0; i < 5; i++) expect(await signInWithPassword(db, { email: "lee@example.com", password: `nope-${i}`, ip: null })).toBeNull();
    await expect(signInWithPassword(db, { email: "lee@example.com", password: "right-password", ip: null })).rejects.toThrow(SIGNIN_RATE_LIMITED);
    expect((await audit()).at(-1)).toMatchObject({ action: "auth.signin_failed", result: "rate_limited" });
  });
});
