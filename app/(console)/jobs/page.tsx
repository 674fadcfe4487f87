import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JobsView } from "@/components/jobs/jobs-view";
import { jobKeys } from "@/lib/client/query-keys";
import { recentJobs } from "@/lib/server/jobs/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Meta"))("jobs") };
}

export default async function JobsPage() {
  const queryClient = new QueryClient();
  // A failed prefetch is not fatal: the browser asks again and shows the error with a retry.
  await queryClient
    .prefetchQuery({ queryKey: jobKeys.list(), queryFn: async () => ({ items: await recentJobs() }) })
    .catch(() => undefined);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <JobsView />
    </HydrationBoundary>
  );
}
