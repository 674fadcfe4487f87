import { describe, expect, it } from "vitest";
import { HOME, safeReturnPath } from "./return-path";

const ORIGIN = "http://localhost:3000";

describe("where a sign-in sends its user back to", () => {
  it.each([
    ["/groups", "/groups"],
    ["/groups?type=Meeting&q=photo", "/groups?type=Meeting&q=photo"],
    ["/groups/%40TGS%23abc", "/groups/%40TGS%23abc"],
    ["/applications?status=pending", "/applications?status=pending"],
    ["/audit", "/audit"],
    ["/users", "/users"],
    ["/account", "/account"],
    ["/api-docs", "/api-docs"],
    ["/", "/"],
    [`${ORIGIN}/groups`, "/groups"],
  ])("a page of the console (%s) is kept", (from, expected) => {
    expect(safeReturnPath(from, ORIGIN)).toBe(expected);
  });

  // Every one of these has sent a browser to another site, or run script, somewhere.
  it.each([
    "/\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example/groups",
    "/\t/evil.example",
    "/%09/evil.example",
    "/.%5Cevil.example",
    "/.\\evil.example",
    "//evil.example",
    "///evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/\r\n/evil.example",
    "/%0d%0a/evil.example",
    "https://evil.example/groups",
    "http://localhost:3001/groups",
    "https://localhost:3000/groups",
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http:evil.example",
    "/%2F%2Fevil.example",
    "/api/auth/signout",
    "/login?from=//evil.example",
    "/_next/static/../../evil",
    "evil.example",
    "",
    "/".repeat(3000),
  ])("a hostile or unknown target (%j) goes home instead", (from) => {
    const path = safeReturnPath(from, ORIGIN);
    expect(path).toBe(HOME);
    // Whatever comes back, a browser resolving it stays on the console.
    expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
  });

  it("anything that is not a string goes home", () => {
    for (const from of [undefined, null, ["/groups", "//evil.example"], 42]) expect(safeReturnPath(from, ORIGIN)).toBe(HOME);
  });
});
