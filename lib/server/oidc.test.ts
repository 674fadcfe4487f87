import { describe, expect, it } from "vitest";
import type { OidcConfig } from "./env";
import { oidcProvider, signedInByOidc, signInWithOidc } from "./oidc";
import { parseRoleRules } from "./oidc-roles";
import { describeEachStore, freshStoreEachTest, type TestStore } from "./store/test-stores";
import { verifyCredentials } from "./users";

// No identity provider runs here: these check what the console does with the claims an IdP would send.
const config: OidcConfig = {
  issuer: "https://idp.example.com/realms/acme",
  clientId: "console",
  clientSecret: "secret",
  roles: parseRoleRules("alice@example.com=admin,*@example.com=viewer,claim:groups:moderators=moderator"),
  name: "Acme SSO",
};

describe("single sign-on", () => {
  it("is next-auth's generic OIDC provider on the issuer's discovery document, with PKCE and state", () => {
    const p = oidcProvider(config);
    expect(p).toMatchObject({ id: "oidc", name: "Acme SSO", type: "oauth", idToken: true, wellKnown: "https://idp.example.com/realms/acme/.well-known/openid-configuration" });
    expect(p.checks).toEqual(["pkce", "state"]);
    expect(p.profile({ sub: "123", email: "bob@example.com", preferred_username: "bob" }, {})).toEqual({ id: "123", email: "bob@example.com", name: "bob" });
  });
});

// What a sign-in writes, against each store.
describeEachStore("single sign-on", (kind) => {
  let db!: TestStore;
  freshStoreEachTest(kind, (store) => (db = store));

  const audit = () => db.all<{ action: string; actor_email: string; result: string }>("SELECT action, actor_email, result FROM audit ORDER BY id");
  const role = async (email: string) => (await db.get<{ role: string }>("SELECT role FROM users WHERE email = ?", [email]))?.role;

  it("creates the console user on the first sign-in, with the mapped role and no usable password", async () => {
    const user = await signInWithOidc(db, config, { sub: "1", email: "Bob@Example.com", name: "Bob" });
    expect(user).toMatchObject({ email: "bob@example.com", name: "Bob", role: "viewer" });
    expect(await verifyCredentials(db, "bob@example.com", "!")).toBeNull();
    expect(await signedInByOidc(db, "BOB@example.com")).toEqual({ id: user!.id, email: "bob@example.com", name: "Bob", role: "viewer" });
    expect(await audit()).toEqual([{ action: "auth.signin", actor_email: "bob@example.com", result: "ok" }]);
  });

  it("brings the role up to date at every sign-in, from email rules and claims alike", async () => {
    await signInWithOidc(db, config, { email: "bob@example.com" });
    expect((await signInWithOidc(db, config, { email: "bob@example.com", groups: ["moderators"] }))?.role).toBe("moderator");
    expect(await role("bob@example.com")).toBe("moderator");
    expect((await signInWithOidc(db, config, { email: "bob@example.com" }))?.role).toBe("viewer");
  });

  it("refuses, and audits, an account with no role, no email, or a disabled console user", async () => {
    expect(await signInWithOidc(db, config, { sub: "9", email: "eve@elsewhere.test" })).toBeNull();
    expect(await signInWithOidc(db, config, { sub: "10", groups: ["moderators"] })).toBeNull();
    await signInWithOidc(db, config, { email: "carol@example.com" });
    await db.run("UPDATE users SET disabled = 1 WHERE email = ?", ["carol@example.com"]);
    expect(await signInWithOidc(db, config, { email: "carol@example.com" })).toBeNull();
    expect(await role("eve@elsewhere.test")).toBeUndefined();
    expect((await audit()).filter((a) => a.action === "auth.signin_failed")).toEqual([
      { action: "auth.signin_failed", actor_email: "eve@elsewhere.test", result: "no_role" },
      { action: "auth.signin_failed", actor_email: "10", result: "no_email" },
      { action: "auth.signin_failed", actor_email: "carol@example.com", result: "disabled" },
    ]);
  });

  it("never demotes the last active admin", async () => {
    await db.run("INSERT INTO users (email, name, role, password_hash, created_at) VALUES ('dave@example.com', '', 'admin', 'x', '2025-01-01')");
    expect((await signInWithOidc(db, config, { email: "dave@example.com" }))?.role).toBe("admin");
    await signInWithOidc(db, config, { email: "alice@example.com" });
    expect((await signInWithOidc(db, config, { email: "dave@example.com" }))?.role).toBe("viewer");
  });
});
