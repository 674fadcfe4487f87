import { describe, expect, it } from "vitest";
import type { OidcConfig } from "@/lib/server/platform/env";
import { linkIdentity, oidcProvider, signedInByOidc, signInWithOidc } from "./oidc";
import { parseRoleRules } from "@/lib/server/platform/oidc-roles";
import { checkToken, claimsForSignIn } from "./session";
import { describeEachStore, freshStoreEachTest, type TestStore } from "@/lib/server/store/test-stores";
import { createUser, verifyCredentials } from "@/lib/server/users/repo";

// These check what the console does with the ID-token claims an identity provider sends.
const config: OidcConfig = {
  issuer: "https://idp.example.com/realms/acme",
  clientId: "console",
  clientSecret: "secret",
  roles: parseRoleRules("alice@example.com=admin,*@example.com=viewer,claim:groups:moderators=moderator"),
  name: "Acme SSO",
};

/** Claims as the IdP sends them for a user whose address it verified. */
const idp = (sub: string, email: string, extra: Record<string, unknown> = {}) => ({ sub, email, email_verified: true, ...extra });

describe("single sign-on", () => {
  it("is next-auth's generic OIDC provider on the issuer's discovery document, with PKCE and state", () => {
    const p = oidcProvider(config);
    expect(p).toMatchObject({
      id: "oidc",
      name: "Acme SSO",
      type: "oauth",
      idToken: true,
      wellKnown: "https://idp.example.com/realms/acme/.well-known/openid-configuration",
    });
    expect(p.checks).toEqual(["pkce", "state"]);
    expect(p.profile({ sub: "123", email: "bob@example.com", preferred_username: "bob" }, {})).toEqual({
      id: "123",
      email: "bob@example.com",
      name: "bob",
    });
  });
});

// What a sign-in writes, against each store.
describeEachStore("single sign-on", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));

  const audit = () =>
    db.all<{ action: string; actor_email: string; result: string }>("SELECT action, actor_email, result FROM audit ORDER BY id");
  const role = async (email: string) => (await db.get<{ role: string }>("SELECT role FROM users WHERE email = ?", [email]))?.role;

  it("creates the console user on the first sign-in, with the mapped role and no usable password, linked to the IdP's subject", async () => {
    const user = await signInWithOidc(db, config, { ...idp("1", "Bob@Example.com"), name: "Bob" });
    expect(user).toMatchObject({ email: "bob@example.com", name: "Bob", role: "viewer", sessionVersion: 1 });
    expect(await verifyCredentials(db, "bob@example.com", "!")).toBeNull();
    expect(await signedInByOidc(db, config, { sub: "1" })).toEqual(user);
    expect(await audit()).toEqual([{ action: "auth.signin", actor_email: "bob@example.com", result: "ok" }]);
  });

  it("an IdP user who sets their profile's email to the admin's does not become the admin", async () => {
    await createUser(db, { email: "alice@example.com", password: "the-admins-password", role: "admin" });
    // Unverified: proves nothing at all.
    expect(await signInWithOidc(db, config, { sub: "mallory", email: "alice@example.com", groups: ["moderators"] })).toBeNull();
    expect(
      await signInWithOidc(db, config, { sub: "mallory", email: "alice@example.com", email_verified: false, groups: ["moderators"] }),
    ).toBeNull();
    // Verified, even: an identity is never attached to an existing password account by its email.
    expect(await signInWithOidc(db, config, idp("mallory", "alice@example.com"))).toBeNull();
    expect(await signedInByOidc(db, config, { sub: "mallory" })).toBeNull();
    expect(await db.all("SELECT * FROM sso_identities")).toEqual([]);
    expect((await audit()).map((a) => a.result)).toEqual(["no_verified_email", "no_verified_email", "link_required"]);
  });

  it("the account's owner links it after signing in with the password; from then on the subject is what counts", async () => {
    const alice = await createUser(db, { email: "alice@example.com", password: "the-admins-password", role: "admin" });
    const linked = await signInWithOidc(db, config, idp("alice-sub", "alice@example.com"), alice.id);
    expect(linked).toMatchObject({ id: alice.id, role: "admin" });
    // The IdP address changes; the identity still signs in as Alice, and nobody else's subject does.
    expect(await signInWithOidc(db, config, { sub: "alice-sub", groups: ["moderators"] })).toMatchObject({ id: alice.id });
    expect(await signedInByOidc(db, config, { sub: "someone-else" })).toBeNull();
  });

  it("an admin links a subject seen in a refused sign-in; a subject is linked to one console user at most", async () => {
    const kim = await createUser(db, { email: "kim@example.com", password: "kims-password-1", role: "moderator" });
    const lee = await createUser(db, { email: "lee@example.com", password: "lees-password-1", role: "viewer" });
    expect(await signInWithOidc(db, config, idp("kim-sub", "kim@example.com"))).toBeNull();
    expect(await linkIdentity(db, config, kim.id, "kim-sub")).toBe("linked");
    expect(await linkIdentity(db, config, lee.id, "kim-sub")).toBe("taken");
    expect(await signInWithOidc(db, config, idp("kim-sub", "kim@example.com"))).toMatchObject({ id: kim.id });
  });

  it("brings the role up to date at every sign-in, from email rules and claims alike; a new role ends the user's other sessions", async () => {
    const first = await signInWithOidc(db, config, idp("b", "bob@example.com"));
    const token = claimsForSignIn(first!);
    expect((await signInWithOidc(db, config, idp("b", "bob@example.com", { groups: ["moderators"] })))?.role).toBe("moderator");
    expect(await role("bob@example.com")).toBe("moderator");
    expect(await checkToken(db, token)).toEqual({ user: null, ended: "role_changed" });
    expect((await signInWithOidc(db, config, idp("b", "bob@example.com", { groups: ["moderators"] })))?.sessionVersion).toBe(
      first!.sessionVersion + 1,
    );
    expect((await signInWithOidc(db, config, idp("b", "bob@example.com")))?.role).toBe("viewer");
  });

  it("refuses, and audits, an account with no role, no subject, or a disabled console user", async () => {
    expect(await signInWithOidc(db, config, idp("9", "eve@elsewhere.test"))).toBeNull();
    expect(await signInWithOidc(db, config, { email: "x@example.com", email_verified: true })).toBeNull();
    await signInWithOidc(db, config, idp("c", "carol@example.com"));
    await db.run("UPDATE users SET disabled = 1 WHERE email = ?", ["carol@example.com"]);
    expect(await signInWithOidc(db, config, idp("c", "carol@example.com"))).toBeNull();
    expect(await role("eve@elsewhere.test")).toBeUndefined();
    expect((await audit()).filter((a) => a.action === "auth.signin_failed")).toEqual([
      { action: "auth.signin_failed", actor_email: "eve@elsewhere.test", result: "no_role" },
      { action: "auth.signin_failed", actor_email: "x@example.com", result: "no_subject" },
      { action: "auth.signin_failed", actor_email: "carol@example.com", result: "disabled" },
    ]);
  });

  it("never demotes the last active admin", async () => {
    await signInWithOidc(db, config, idp("d", "dave@example.com"));
    await db.run("UPDATE users SET role = 'admin' WHERE email = 'dave@example.com'");
    expect((await signInWithOidc(db, config, idp("d", "dave@example.com")))?.role).toBe("admin");
    await signInWithOidc(db, config, idp("a", "alice@example.com"));
    expect((await signInWithOidc(db, config, idp("d", "dave@example.com")))?.role).toBe("viewer");
  });
});
