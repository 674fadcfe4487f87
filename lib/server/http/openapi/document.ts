import "server-only";
import type { ApiDocument, ApiOperation, OperationMethod } from "@/lib/schemas/openapi";
import pkg from "@/package.json";
import { declarationOf, HTTP_METHODS } from "./declaration";
import { errorResponses, errorSchemaComponent } from "./errors";
import { operation } from "./operation";

const DESCRIPTION = [
  "The console's BFF: every route a signed-in caller may use, with its role (`x-role`; roles nest: admin ⊃ moderator ⊃ viewer).",
  "Sign in as the browser does: `GET /api/auth/csrf`, then `POST /api/auth/callback/credentials` (form: `csrfToken`, `email`, `password`), and send the session cookie it sets.",
  "A signed-out call answers 401, never a redirect. Errors are always `{ error: { code, message, details? } }`; an unknown /api path answers 404 `not_found`,",
  "and a method a path does not have answers 405 `method_not_allowed` with an `Allow` header. Mutations need `Content-Type: application/json`,",
  "a body under 1 MB, and are refused (403) when an `Origin` header names another site. Lists are `{ items, nextCursor, total }`.",
].join(" ");

/** Every route module under app/api, by its path in the reference (the app lists them: app/api/route-registry.ts). */
export type RouteModules = Record<string, () => Promise<Record<string, unknown>>>;

let built: Promise<ApiDocument> | null = null;

/** The API reference, built once per process from the routes' own declarations (route() specs). */
export function openApiDocument(modules: RouteModules): Promise<ApiDocument> {
  built ??= buildDocument(modules).catch((err: unknown) => {
    built = null;
    throw err;
  });
  return built;
}

export async function buildDocument(modules: RouteModules): Promise<ApiDocument> {
  const paths: ApiDocument["paths"] = {};
  for (const [path, load] of Object.entries(modules)) {
    const mod = await load();
    const operations: Partial<Record<OperationMethod, ApiOperation>> = {};
    for (const method of HTTP_METHODS) {
      const declaration = declarationOf(mod[method]);
      if (declaration) operations[method.toLowerCase() as OperationMethod] = operation(path, method, declaration);
    }
    paths[path] = operations;
  }
  const tags = [...new Set(Object.values(paths).flatMap((ops) => Object.values(ops).flatMap((op) => op.tags)))];
  return {
    openapi: "3.1.0",
    info: { title: "Group Console API", version: pkg.version, description: DESCRIPTION },
    security: [{ session: [] }],
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: errorSchemaComponent() },
      responses: errorResponses(),
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "next-auth's session (httpOnly, SameSite=Lax; `__Secure-next-auth.session-token` over https), set by signing in",
        },
      },
    },
  };
}
