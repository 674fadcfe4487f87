import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueryProvider } from "@/components/query-provider";
import { JobsView } from "@/components/jobs/jobs-view";
import { jobKeys } from "@/lib/client/query-keys";
import { currentUser } from "@/lib/server/auth/session";
import { recentJobs } from "@/lib/server/jobs/service";
import { NO_GROUP } from "@/lib/server/platform/scope";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Meta"))("jobs") };
}

export default async function JobsPage() {
  const user = await currentUser();
  const queryClient = new QueryClient();
  // A failed prefetch is not fatal: the browser asks again and shows the error with a retry.
  await queryClient
    .prefetchQuery({ queryKey: jobKeys.list(), queryFn: async () => ({ items: await recentJobs(user ?? NO_GROUP) }) })
    .catch(() => undefined);
  return (
    <QueryProvider>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <JobsView />
      </HydrationBoundary>
    </QueryProvider>
  );
}
