import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

/**
 * `/login?from=…` is a link anyone can send. Browsers read `/\evil.example` as `//evil.example`, drop tabs and
 * line breaks in URLs and run `javascript:`: whatever `from` says, a signed-in user is sent to a page of this
 * console on this console's origin.
 */
test.use({ storageState: E2E.adminState });

const HOSTILE = [
  "/\\evil.example",
  "/%5Cevil.example",
  "/%5cevil.example/",
  "/\t/evil.example",
  "/%09/evil.example",
  "/.%5Cevil.example",
  "/.\\evil.example",
  "//evil.example",
  "///evil.example/groups",
  "\\\\evil.example",
  "/%0d%0a/evil.example",
  "/\r\n/evil.example",
  "https://evil.example/groups",
  "http:evil.example",
  "javascript:alert(document.cookie)",
  "/api/auth/signout",
];

for (const from of HOSTILE) {
  test(`a signed-in visit to /login?from=${JSON.stringify(from)} stays on the console`, async ({ request }) => {
    const res = await request.get(`/login?from=${encodeURIComponent(from)}`, { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    const target = new URL(res.headers().location, E2E.baseUrl);
    expect(target.origin).toBe(new URL(E2E.baseUrl).origin);
    expect(target.pathname).toBe("/");
  });
}

test("a page of the console is returned to, with its query", async ({ request }) => {
  const res = await request.get(`/login?from=${encodeURIComponent("/groups?type=Meeting")}`, { maxRedirects: 0 });
  expect(res.headers().location).toMatch(/\/groups\?type=Meeting$/);
});
