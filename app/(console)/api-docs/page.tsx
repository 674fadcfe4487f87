import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiReference } from "@/components/api-docs/api-reference";
import { ROUTE_MODULES } from "@/app/api/route-registry";
import { openApiDocument } from "@/lib/server/http/openapi/document";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Meta"))("apiDocs") };
}

// For every signed-in role, like GET /api/openapi.json: rendered on the server from the same document, so the
// page sends no script of its own.
export default async function ApiDocsPage() {
  return <ApiReference doc={await openApiDocument(ROUTE_MODULES)} />;
}
