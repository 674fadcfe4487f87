import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueryProvider } from "@/components/query-provider";
import { AuditView } from "@/components/audit/audit-view";
import { NeedsRole } from "@/components/layout/needs-role";
import { auditFiltersFromSearch } from "@/lib/client/audit-filters";
import { auditKeys } from "@/lib/client/query-keys";
import { listAuditQuerySchema } from "@/lib/schemas/audit";
import { canViewAudit } from "@/lib/schemas/user";
import { listAudit } from "@/lib/server/audit/service";
import { currentUser } from "@/lib/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Meta"))("audit") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await currentUser();
  if (!user || !canViewAudit(user)) return <NeedsRole role="admin" title={(await getTranslations("Meta"))("audit")} />;
  const filters = auditFiltersFromSearch(await searchParams);
  const queryClient = new QueryClient();
  const query = listAuditQuerySchema.safeParse(filters);
  // A failed prefetch is not fatal: the browser asks again and shows the error with a retry.
  if (query.success) await queryClient.prefetchQuery({ queryKey: auditKeys.list(filters), queryFn: () => listAudit(query.data) });
  return (
    <QueryProvider>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AuditView />
      </HydrationBoundary>
    </QueryProvider>
  );
}
