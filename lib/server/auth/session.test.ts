import { expect, it } from "vitest";
import { checkToken, claimsForSignIn, endToken, SESSION_LIFETIME_SECONDS } from "./session";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { createUser, endSessions, setPassword, verifyCredentials } from "@/lib/server/users/repo";

const HOUR = 60 * 60 * 1000;

describeEachStore("a session token, checked on every request", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));

  async function signedIn(t0 = Date.now()) {
    await createUser(db, { email: "kim@example.com", password: "kims-password", role: "moderator" });
    const user = (await verifyCredentials(db, "kim@example.com", "kims-password"))!;
    return { user, token: { ...claimsForSignIn(user, t0), role: user.role } };
  }

  it("holds while nothing changed", async () => {
    const { user, token } = await signedIn();
    expect(await checkToken(db, token)).toMatchObject({ user: { id: user.id, email: "kim@example.com", role: "moderator" } });
  });

  it("ends 12 hours after signing in, however often it was renewed since", async () => {
    const t0 = Date.now() - SESSION_LIFETIME_SECONDS * 1000 - 1;
    const { token } = await signedIn(t0);
    // Renewal gives a token a new expiry (exp), never a new sign-in time.
    expect(await checkToken(db, { ...token, exp: Math.floor(Date.now() / 1000) + 12 * 3600 })).toEqual({ user: null, ended: "expired" });
    expect(await checkToken(db, token, t0 + 11 * HOUR)).toMatchObject({ user: { email: "kim@example.com" } });
  });

  it("ends when the password is set, saying who set it", async () => {
    const { token } = await signedIn();
    await setPassword(db, "kim@example.com", "a-new-password", "password_reset");
    expect(await checkToken(db, token)).toEqual({ user: null, ended: "password_reset" });
  });

  it("ends everywhere at once when asked, and when the user is disabled", async () => {
    const { user, token } = await signedIn();
    await endSessions(db, user.id, "signed_out_everywhere");
    expect(await checkToken(db, token)).toEqual({ user: null, ended: "signed_out_everywhere" });
    const fresh = { ...token, sv: user.sessionVersion + 1 };
    expect((await checkToken(db, fresh)).user).not.toBeNull();
    await db.run("UPDATE users SET disabled = 1 WHERE id = ?", [Number(user.id)]);
    expect(await checkToken(db, fresh)).toEqual({ user: null, ended: "disabled" });
  });

  it("a signed-out session stays ended, whoever holds a copy, renewed or not", async () => {
    const { token } = await signedIn();
    await endToken(db, { ...token, jti: "the-cookie-signed-out" });
    expect(await checkToken(db, token)).toEqual({ user: null, ended: null });
    // next-auth gives each renewed cookie a JWT ID of its own; the session's ID goes on.
    expect(await checkToken(db, { ...token, jti: "a-renewed-copy", exp: Math.floor(Date.now() / 1000) + 3600 })).toEqual({
      user: null,
      ended: null,
    });
  });

  it("a token from before versions existed, or for no user, is no session", async () => {
    const { user } = await signedIn();
    expect(await checkToken(db, { sub: user.id })).toEqual({ user: null, ended: "expired" });
    expect(await checkToken(db, null)).toEqual({ user: null, ended: null });
    expect(await checkToken(db, { sub: "999", sv: 1, sid: "x", authAt: Date.now() })).toEqual({ user: null, ended: null });
  });
});
