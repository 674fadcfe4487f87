// GET /api/openapi.json — this API's reference as an OpenAPI 3.1 document, built from the routes' own declarations
import { openApiDocument } from "@/lib/server/http/openapi/document";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";
import { ROUTE_MODULES } from "../route-registry";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({ role: "viewer", summary: "This API's reference, as an OpenAPI 3.1 document (also readable at /api-docs)" }, () =>
    openApiDocument(ROUTE_MODULES),
  ),
});
