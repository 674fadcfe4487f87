import { describe, expect, it } from "vitest";
import { parseRoleRules, roleFor } from "./oidc-roles";

/** What an IdP sends for an address it checked. */
const verified = (email: string) => ({ email, email_verified: true });

const rules = parseRoleRules(
  "alice@example.com=admin, *@example.com=viewer, claim:groups:console-moderators=moderator, claim:realm_access.roles:ops=admin",
);

describe("OIDC_ROLES: who gets which role", () => {
  it.each([
    ["an exact email", verified("alice@example.com"), "admin"],
    ["an exact email in another case", verified("Alice@Example.com"), "admin"],
    ["an email of the domain", verified("bob@example.com"), "viewer"],
    ["an email of a look-alike domain", verified("bob@example.com.evil.test"), null],
    ["an email of a subdomain (not matched by *@example.com)", verified("bob@eu.example.com"), null],
    [
      "a claim that is a list holding the value",
      { ...verified("carol@partner.test"), groups: ["staff", "console-moderators"] },
      "moderator",
    ],
    ["a claim that is a string equal to the value", { groups: "console-moderators" }, "moderator"],
    ["a nested claim", { realm_access: { roles: ["ops"] } }, "admin"],
    ["a claim holding another value", { groups: ["console-viewers"] }, null],
    ["nothing that matches", verified("mallory@elsewhere.test"), null],
  ])("%s", (_, claims, role) => {
    expect(roleFor(rules, claims)).toBe(role);
  });

  it("the highest matching role wins, whatever the order of the rules", () => {
    expect(roleFor(rules, { ...verified("bob@example.com"), groups: ["console-moderators"] })).toBe("moderator");
    expect(roleFor(parseRoleRules("*@example.com=viewer,alice@example.com=admin"), verified("alice@example.com"))).toBe("admin");
  });

  it("an email the IdP does not say it verified earns nothing; claims still count", () => {
    expect(roleFor(rules, { email: "alice@example.com", email_verified: false })).toBeNull();
    expect(roleFor(rules, { email: "alice@example.com" })).toBeNull();
    expect(roleFor(rules, { email: "alice@example.com", email_verified: "true" })).toBeNull();
    expect(roleFor(rules, { email: "alice@example.com", email_verified: "false", groups: ["console-moderators"] })).toBe("moderator");
  });

  it("a claim name cannot reach into the prototype", () => {
    expect(roleFor(parseRoleRules("claim:constructor.name:Object=admin"), { email: "x@y.test" })).toBeNull();
  });

  it("patterns match whole addresses only, with * inside the local part or the domain", () => {
    const r = parseRoleRules("ops-*@example.com=moderator,*@*.example.org=viewer");
    expect(roleFor(r, verified("ops-tokyo@example.com"))).toBe("moderator");
    expect(roleFor(r, verified("dev@example.com"))).toBeNull();
    expect(roleFor(r, verified("x@eu.example.org"))).toBe("viewer");
  });

  it.each([
    [""],
    ["alice@example.com"],
    ["alice@example.com=owner"],
    ["=admin"],
    ["claim:groups=admin"],
    ["claim::x=admin"],
    ["alice=admin"],
  ])("refuses the rules %j", (spec) => {
    expect(() => parseRoleRules(spec)).toThrow(/OIDC_ROLES/);
  });
});
