import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueryProvider } from "@/components/query-provider";
import { ApplicationsInbox } from "@/components/applications/applications-inbox";
import { applicationFiltersFromSearch, applicationKeys } from "@/lib/client/query-keys";
import { listApplicationsQuerySchema } from "@/lib/schemas/application";
import { canEditGroup, canModerate } from "@/lib/schemas/user";
import { listApplications } from "@/lib/server/applications/service";
import { currentUser } from "@/lib/server/auth/session";
import { NO_GROUP } from "@/lib/server/platform/scope";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Meta"))("applications") };
}

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = applicationFiltersFromSearch(await searchParams);
  const user = await currentUser();
  const queryClient = new QueryClient();
  const query = listApplicationsQuerySchema.safeParse({ ...filters, limit: 50 });
  if (query.success) {
    // A failed prefetch is not fatal: the browser asks again and shows the error with a retry.
    await queryClient.prefetchInfiniteQuery({
      queryKey: applicationKeys.list(filters),
      initialPageParam: "",
      queryFn: () => listApplications(query.data, user ?? NO_GROUP),
    });
  }
  return (
    <QueryProvider>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ApplicationsInbox canModerate={user ? canModerate(user) : false} canEdit={user ? canEditGroup(user) : false} />
      </HydrationBoundary>
    </QueryProvider>
  );
}
