import { beforeAll, describe, expect, it } from "vitest";
import { OPERATION_METHODS, type ApiDocument, type ApiOperation } from "@/lib/schemas/openapi";
import { ROUTE_MODULES } from "@/app/api/route-registry";
import { buildDocument } from "./document";

const ACCESS = ["viewer", "moderator", "admin", "anyone", "im-server"];

let doc: ApiDocument;
const operations: [string, string, ApiOperation][] = [];
beforeAll(async () => {
  doc = await buildDocument(ROUTE_MODULES);
  for (const [path, ops] of Object.entries(doc.paths)) for (const m of OPERATION_METHODS) if (ops[m]) operations.push([path, m, ops[m]]);
});

/** Every `$ref` in the document, with where it is. */
function refs(value: unknown, at = "#"): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === "$ref" && typeof v === "string" ? [[at, v] as [string, string]] : refs(v, `${at}/${k}`),
  );
}

function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a title, a version and the session scheme, and survives JSON", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toMatch(/\S/);
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.security).toEqual([{ session: [] }]);
    expect(doc.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("has operations under /api paths only, each with a unique operationId, a summary, a tag and its role", () => {
    expect(operations.length).toBeGreaterThan(25);
    for (const [path, method, op] of operations) {
      expect(path, `${method} ${path}`).toMatch(/^\/api\//);
      expect(op.summary, `${method} ${path}`).toMatch(/\S{3}/);
      expect(op.tags.length).toBe(1);
      expect(ACCESS, `${method} ${path}`).toContain(op["x-role"]);
      // Routes without a session say so; the others inherit the document's session requirement.
      if (op["x-role"] === "anyone" || op["x-role"] === "im-server") expect(op.security).toEqual([]);
      else expect(op.security).toBeUndefined();
    }
    expect(new Set(operations.map(([, , op]) => op.operationId)).size).toBe(operations.length);
  });

  it("gives every operation a success response and, for signed-in routes, the error contract's 401 and 403", () => {
    for (const [path, method, op] of operations) {
      const statuses = Object.keys(op.responses);
      expect(
        statuses.filter((s) => /^2\d\d$/.test(s)),
        `${method} ${path}`,
      ).toHaveLength(1);
      if (op["x-role"] !== "anyone" && op["x-role"] !== "im-server") {
        expect(op.responses["401"]).toEqual({ $ref: "#/components/responses/unauthenticated" });
        expect(op.responses["403"]).toEqual({ $ref: "#/components/responses/forbidden" });
        expect(op.responses["500"]).toEqual({ $ref: "#/components/responses/internal" });
      }
    }
  });

  it("declares each path parameter, and a body or query schema where the route parses one", () => {
    for (const [path, method, op] of operations) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(op.parameters?.filter((p) => p.in === "path").map((p) => p.name) ?? [], `${method} ${path}`).toEqual(names);
    }
    const createGroup = doc.paths["/api/groups"]?.post;
    expect(createGroup?.requestBody?.content["application/json"]?.schema).toMatchObject({
      type: "object",
      required: ["type", "name"],
      additionalProperties: false,
    });
    expect(createGroup?.responses["201"]).toMatchObject({ content: { "application/json": { schema: { type: "object" } } } });
    const listGroups = doc.paths["/api/groups"]?.get;
    expect(listGroups?.parameters?.find((p) => p.name === "limit")).toMatchObject({
      in: "query",
      required: false,
      schema: { type: "integer", minimum: 1, maximum: 100, default: 50 },
    });
    expect(doc.paths["/api/groups/{id}"]?.delete?.responses["204"]).toEqual({ description: expect.any(String) });
  });

  it("resolves every $ref, and every error response carries the error body", () => {
    for (const [at, ref] of refs(doc)) expect(resolve(ref), `${at} → ${ref}`).toBeDefined();
    expect(doc.components.schemas.Error).toMatchObject({
      type: "object",
      required: ["error"],
      properties: { error: { required: ["code", "message"] } },
    });
    const notFound = doc.components.responses.not_found;
    expect(notFound.content?.["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/Error" });
  });
});
