import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiDocument } from "@/lib/schemas/openapi";
import { declarationOf, HTTP_METHODS } from "./declaration";
import { buildDocument } from "./document";
import { ROUTE_MODULES, UNDOCUMENTED } from "@/app/api/route-registry";

/**
 * The reference lists exactly the routes that exist: every app/api/**\/route.ts and each method it answers,
 * read from the files themselves (not from the registry), and nothing else.
 */
const API_DIR = path.resolve(import.meta.dirname, "../../../../app/api");

/** `groups/[id]/route.ts` → `/api/groups/{id}`; `[...x]` and `[[...x]]` → `{...x}`. */
function pathOf(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .filter((s) => s !== ".");
  return ["/api", ...segments.map((s) => s.replace(/^\[\[?(\.\.\.)?(\w+)\]?\]$/, "{$1$2}"))].join("/");
}

const routeFiles = (readdirSync(API_DIR, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => path.basename(f) === "route.ts");
const byPath = new Map(routeFiles.map((f) => [pathOf(f), f]));

/** The methods a module really answers: what its OPTIONS says (methods() answers every other one 405). */
async function answeredMethods(mod: Record<string, unknown>): Promise<string[]> {
  const options = mod.OPTIONS as ((req: NextRequest) => Response) | undefined;
  if (!options) return [];
  const allow = options(new NextRequest("http://console.test/api")).headers.get("allow") ?? "";
  return allow.split(", ").filter((m) => (HTTP_METHODS as readonly string[]).includes(m));
}

let doc: ApiDocument;
beforeAll(async () => {
  doc = await buildDocument(ROUTE_MODULES);
});

describe("the API reference and the route files", () => {
  it("finds the route files (the walk itself works)", () => {
    expect(byPath.get("/api/groups/{id}/members/{userId}")).toBe(path.join("groups", "[id]", "members", "[userId]", "route.ts"));
    expect(byPath.size).toBeGreaterThan(20);
  });

  it("lists every route file, or says why it leaves it out", () => {
    const listed = [...Object.keys(ROUTE_MODULES), ...Object.keys(UNDOCUMENTED)].sort();
    expect(listed, "app/api/route-registry.ts must list each app/api route (or exclude it with a reason)").toEqual(
      [...byPath.keys()].sort(),
    );
    for (const reason of Object.values(UNDOCUMENTED)) expect(reason.length).toBeGreaterThan(20);
  });

  it("documents no path that has no route file", () => {
    for (const p of Object.keys(doc.paths)) expect(byPath.has(p), `${p} is in the document but app/api has no such route`).toBe(true);
  });

  for (const [apiPath, file] of byPath) {
    if (apiPath in UNDOCUMENTED) continue;
    it(`${apiPath}: each method it answers is documented, with its declaration, and no other`, async () => {
      const mod = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
      const exported = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
      expect(exported, `${file} must export every method through methods(), so that the others answer 405 in the error contract`).toEqual([
        ...HTTP_METHODS,
      ]);
      expect(typeof mod.OPTIONS).toBe("function");
      const answered = await answeredMethods(mod);
      expect(answered.length, `${file} answers no method`).toBeGreaterThan(0);
      for (const m of answered)
        expect(declarationOf(mod[m]), `${m} ${apiPath} has no declaration: use route() or declared()`).not.toBeNull();
      const documented = Object.keys(doc.paths[apiPath] ?? {}).map((m) => m.toUpperCase());
      expect(documented.sort()).toEqual([...answered].sort());
    });
  }
});
