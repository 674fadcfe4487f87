import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { anonymousApi, signedInApi } from "../support/api";

/**
 * Every /api path answers in the error contract, even one no route has and a method a route does not have —
 * never Next's HTML page or its empty 405 — and the API's reference lists exactly the routes there are.
 */
let admin: APIRequestContext;
let anonymous: APIRequestContext;
test.beforeAll(async () => {
  admin = await signedInApi();
  anonymous = await anonymousApi();
});
test.afterAll(async () => {
  await admin.dispose();
  await anonymous.dispose();
});

async function expectError(res: APIResponse, status: number, code: string) {
  const text = await res.text();
  expect(res.status(), text.slice(0, 300)).toBe(status);
  expect(res.headers()["content-type"]).toContain("application/json");
  const body = JSON.parse(text);
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/\S/);
  expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
}

const UNKNOWN: [method: string, path: string][] = [
  ["GET", "/api/nope"],
  ["GET", "/api"],
  ["POST", "/api/nope/deeper"],
  ["DELETE", "/api/groups/tokyo-react/members/someone/extra"],
  ["GET", "/api/openapi.json/more"],
];

for (const [method, path] of UNKNOWN) {
  test(`${method} ${path}, a path no route has → 404 not_found as JSON, signed in or not`, async () => {
    for (const who of [admin, anonymous]) await expectError(await who.fetch(path, { method, maxRedirects: 0 }), 404, "not_found");
  });
}

const WRONG_METHOD: [method: string, path: string, allow: string][] = [
  ["DELETE", "/api/directory", "GET, HEAD, OPTIONS"],
  ["PUT", "/api/groups", "GET, HEAD, OPTIONS, POST"],
  ["GET", "/api/applications/bulk", "OPTIONS, POST"],
  ["POST", "/api/health", "GET, HEAD, OPTIONS"],
  ["GET", "/api/im/callback", "OPTIONS, POST"],
  ["POST", "/api/groups/tokyo-react/members/someone", "DELETE, OPTIONS, PATCH"],
];

for (const [method, path, allow] of WRONG_METHOD) {
  test(`${method} ${path}, a method it does not have → 405 method_not_allowed as JSON, with Allow: ${allow}`, async () => {
    for (const who of [admin, anonymous]) {
      const res = await who.fetch(path, { method, ...(method === "GET" ? {} : { data: {} }) });
      await expectError(res, 405, "method_not_allowed");
      expect(res.headers()["allow"]).toBe(allow);
    }
    const options = await admin.fetch(path, { method: "OPTIONS" });
    expect(options.status()).toBe(204);
    expect(options.headers()["allow"]).toBe(allow);
  });
}

test("GET /api/openapi.json: the OpenAPI 3.1 reference to a signed-in caller, 401 to anyone else", async () => {
  const res = await admin.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/groups"]).toMatchObject({
    get: { "x-role": "viewer" },
    post: { "x-role": "admin", responses: { "201": expect.anything() } },
  });
  expect(doc.paths["/api/groups/{id}/members/{userId}"]).toMatchObject({ patch: { "x-role": "admin" }, delete: { "x-role": "moderator" } });
  expect(doc.paths["/api/health"].get).toMatchObject({ "x-role": "anyone", security: [] });
  expect(doc.paths["/api/openapi.json"].get["x-role"]).toBe("viewer");
  expect(Object.keys(doc.paths).every((p: string) => p.startsWith("/api/") && !p.startsWith("/api/auth/"))).toBe(true);
  await expectError(await anonymous.get("/api/openapi.json"), 401, "unauthenticated");
});

test("/api-docs shows the same reference to a signed-in user, rendered on the server", async () => {
  const res = await admin.get("/api-docs");
  expect(res.status()).toBe(200);
  const html = await res.text();
  for (const text of ["/api/groups/{id}/members/{userId}", "/api/openapi.json", "method_not_allowed"]) expect(html).toContain(text);
  expect((await anonymous.get("/api-docs", { maxRedirects: 0 })).status()).toBe(307);
});
