import { afterEach, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { checkToken, claimsForSignIn, endToken } from "./session";
import { decodeKept, forgetDecodedTokens, KEEP_DECODED_MS } from "./decoded-tokens";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { createUser, endSessions, updateUserRow, verifyCredentials } from "@/lib/server/users/repo";

// Counts the real decryptions beneath the kept ones.
const decrypted = vi.hoisted(() => ({ count: 0 }));
vi.mock("next-auth/jwt", async (importOriginal) => {
  const real = await importOriginal<typeof import("next-auth/jwt")>();
  return {
    ...real,
    decode: async (params: Parameters<typeof real.decode>[0]) => {
      decrypted.count++;
      return real.decode(params);
    },
  };
});

const SECRET = "a-test-secret-of-the-console-32-chars";

afterEach(() => {
  forgetDecodedTokens();
  decrypted.count = 0;
});

describeEachStore("a session cookie decoded once, checked on every request", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));

  async function signedInCookie(maxAge = 3600) {
    await createUser(db, { email: "kim@example.com", password: "kims-password", role: "moderator" });
    const user = (await verifyCredentials(db, "kim@example.com", "kims-password"))!;
    const cookie = await encode({ token: { ...claimsForSignIn(user), role: user.role }, secret: SECRET, maxAge });
    return { user, cookie };
  }
  const request = async (cookie: string) => checkToken(db, await decodeKept({ token: cookie, secret: SECRET }));

  it("is decrypted once for a burst of requests, each of which still reads the user as they are now", async () => {
    const { user, cookie } = await signedInCookie();
    expect((await request(cookie)).user).toMatchObject({ id: user.id, role: "moderator" });
    // The admin makes Kim a viewer without ending her sessions: the very next request sees it.
    await updateUserRow(db, user.id, { role: "viewer" });
    expect((await request(cookie)).user).toMatchObject({ id: user.id, role: "viewer" });
    expect(decrypted.count).toBe(1);
  });

  it("signed out, or ended everywhere, a kept cookie is refused on the next request as before", async () => {
    const { user, cookie } = await signedInCookie();
    const token = await decodeKept({ token: cookie, secret: SECRET });
    expect((await checkToken(db, token)).user).not.toBeNull();
    await endToken(db, token);
    expect(await request(cookie)).toEqual({ user: null, ended: null });

    forgetDecodedTokens();
    const other = await encode({ token: { ...claimsForSignIn(user), role: user.role }, secret: SECRET, maxAge: 3600 });
    expect((await request(other)).user).not.toBeNull();
    await endSessions(db, user.id, "role_changed");
    expect(await request(other)).toEqual({ user: null, ended: "role_changed" });
    await db.run("UPDATE users SET session_version = session_version + 1, disabled = 1 WHERE id = ?", [Number(user.id)]);
    expect(await request(other)).toEqual({ user: null, ended: "disabled" });
  });
});

it("keeps a decoded cookie a few seconds, never past the token's own expiry", async () => {
  const soon = await encode({ token: { sub: "1" }, secret: SECRET, maxAge: 60 });
  const now = Date.now();
  await decodeKept({ token: soon, secret: SECRET }, now);
  await decodeKept({ token: soon, secret: SECRET }, now + KEEP_DECODED_MS - 1);
  expect(decrypted.count).toBe(1);
  await decodeKept({ token: soon, secret: SECRET }, now + KEEP_DECODED_MS);
  expect(decrypted.count).toBe(2);

  // A token expiring in 2 s is kept 2 s at most, then decoded (and refused) like any expired one.
  const expiring = await encode({ token: { sub: "1" }, secret: SECRET, maxAge: 2 });
  const exp = (await decodeKept({ token: expiring, secret: SECRET }, now))!.exp as number;
  await decodeKept({ token: expiring, secret: SECRET }, exp * 1000 - 1);
  expect(decrypted.count).toBe(3);
  // Past it, the cookie is decoded again, and next-auth judges its expiry as it always did.
  await decodeKept({ token: expiring, secret: SECRET }, exp * 1000);
  expect(decrypted.count).toBe(4);
});

it("keeps nothing of a cookie that does not decode: a forged one is refused every time", async () => {
  const real = await encode({ token: { sub: "1" }, secret: SECRET, maxAge: 60 });
  const forged = `${real.slice(0, -4)}AAAA`;
  await expect(decodeKept({ token: forged, secret: SECRET })).rejects.toThrow();
  await expect(decodeKept({ token: forged, secret: SECRET })).rejects.toThrow();
  // Under another secret, the same cookie is another key: decrypted (and refused) there, not served from here.
  await decodeKept({ token: real, secret: SECRET });
  await expect(decodeKept({ token: real, secret: "another-secret-of-the-console-32-c" })).rejects.toThrow();
  expect(decrypted.count).toBe(4);
});
