import bcrypt from "bcryptjs";
import { expect, it } from "vitest";
import { signInWithPassword, SIGNIN_RATE_LIMITED } from "./sign-in";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { createUser } from "@/lib/server/users/repo";

describeEachStore("signInWithPassword", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));

  const audit = () =>
    db.all<{ actor_id: number | null; actor_email: string; action: string; after: string; result: string }>(
      "SELECT actor_id, actor_email, action, after, result FROM audit ORDER BY id",
    );
  const noWait = async () => {};

  it("audits a success with the user, and a failure with the email tried and the address, never the password", async () => {
    const user = await createUser(db, { email: "kim@example.com", password: "right-password", role: "viewer" });
    expect(await signInWithPassword(db, { email: " KIM@example.com", password: "right-password", ip: "203.0.113.7" })).toMatchObject({
      id: user.id,
      sessionVersion: 1,
    });
    expect(await signInWithPassword(db, { email: "kim@example.com", password: "wrong-password", ip: "203.0.113.7" })).toBeNull();
    expect(await audit()).toEqual([
      { actor_id: Number(user.id), actor_email: "kim@example.com", action: "auth.signin", after: '{"ip":"203.0.113.7"}', result: "ok" },
      {
        actor_id: null,
        actor_email: "kim@example.com",
        action: "auth.signin_failed",
        after: '{"ip":"203.0.113.7"}',
        result: "unauthenticated",
      },
    ]);
    expect(JSON.stringify(await audit())).not.toContain("password");
  });

  it("thirty wrong passwords for the admin from anywhere do not lock the admin out at their own address", async () => {
    await createUser(db, { email: "admin@localhost", password: "the-admins-password", role: "admin" });
    for (let i = 0; i < 30; i++)
      expect(
        await signInWithPassword(db, { email: "admin@localhost", password: `guess-${i}`, ip: `198.51.100.${i + 1}` }, noWait),
      ).toBeNull();
    expect(
      await signInWithPassword(db, { email: "admin@localhost", password: "the-admins-password", ip: "192.0.2.10" }, noWait),
    ).toMatchObject({ email: "admin@localhost" });
  });

  it("slows a guessing address that comes back, by the account's failures, up to 5 s; and says so in the audit", async () => {
    await createUser(db, { email: "admin@localhost", password: "the-admins-password", role: "admin" });
    for (let i = 0; i < 9; i++)
      await signInWithPassword(db, { email: "admin@localhost", password: `guess-${i}`, ip: `198.51.100.${i + 1}` }, noWait);
    const waited: number[] = [];
    await signInWithPassword(
      db,
      { email: "admin@localhost", password: "guess-again", ip: "198.51.100.1" },
      async (ms) => void waited.push(ms),
    );
    expect(waited).toEqual([2000]);
    expect(JSON.parse((await audit()).at(-1)!.after)).toEqual({ ip: "198.51.100.1", delayedMs: 2000 });
  });

  it("refuses even the right password at an address that failed five times for that account", async () => {
    await createUser(db, { email: "lee@example.com", password: "right-password", role: "viewer" });
    for (let i = 0; i < 5; i++)
      expect(await signInWithPassword(db, { email: "lee@example.com", password: `nope-${i}`, ip: "203.0.113.7" })).toBeNull();
    await expect(signInWithPassword(db, { email: "lee@example.com", password: "right-password", ip: "203.0.113.7" })).rejects.toThrow(
      SIGNIN_RATE_LIMITED,
    );
    expect(await signInWithPassword(db, { email: "lee@example.com", password: "right-password", ip: "192.0.2.10" })).toMatchObject({
      email: "lee@example.com",
    });
  });

  it("counts refused attempts in one audit row per address and window, however many there are", async () => {
    for (let i = 0; i < 20; i++)
      await signInWithPassword(db, { email: `user${i}@example.com`, password: "nope-nope-nope", ip: "203.0.113.66" });
    for (let i = 0; i < 40; i++)
      await expect(
        signInWithPassword(db, { email: `more${i}@example.com`, password: "nope-nope-nope", ip: "203.0.113.66" }),
      ).rejects.toThrow(SIGNIN_RATE_LIMITED);
    const throttled = (await audit()).filter((e) => e.result === SIGNIN_RATE_LIMITED);
    expect(throttled).toHaveLength(1);
    expect(JSON.parse(throttled[0].after)).toEqual({ ip: "203.0.113.66", throttled: 40, since: expect.any(String) });
    expect(await audit()).toHaveLength(21);
  });

  it("a password stored as bcrypt (before scrypt) still signs in, and is replaced by an scrypt hash", async () => {
    await db.run("INSERT INTO users (email, name, role, password_hash, created_at) VALUES (?, '', 'viewer', ?, ?)", [
      "old@example.com",
      bcrypt.hashSync("an-old-password", 4),
      new Date().toISOString(),
    ]);
    expect(await signInWithPassword(db, { email: "old@example.com", password: "an-old-password", ip: "203.0.113.7" })).toMatchObject({
      email: "old@example.com",
    });
    const { password_hash } = (await db.get<{ password_hash: string }>("SELECT password_hash FROM users WHERE email = 'old@example.com'"))!;
    expect(password_hash).toMatch(/^scrypt\$\d+\$8\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await signInWithPassword(db, { email: "old@example.com", password: "an-old-password", ip: "203.0.113.7" })).toMatchObject({
      email: "old@example.com",
    });
    expect(await signInWithPassword(db, { email: "old@example.com", password: "another-password", ip: "203.0.113.7" })).toBeNull();
  });
});
