// Prints the API document this checkout's routes make (the one its build serves at /api/openapi.json), for the
// deployment check to compare with what a running console serves.
import { ROUTE_MODULES } from "@/app/api/route-registry";
import { openApiDocument } from "@/lib/server/http/openapi/document";

process.stdout.write(JSON.stringify(await openApiDocument(ROUTE_MODULES)));
