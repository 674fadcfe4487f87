import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { GroupsView } from "@/components/groups/groups-view";
import { groupFiltersFromSearch, groupKeys } from "@/lib/client/query-keys";
import { listGroupsQuerySchema } from "@/lib/schemas/group";
import { canCreateGroup } from "@/lib/schemas/user";
import { listGroups } from "@/lib/server/groups/groups";
import { currentUser } from "@/lib/server/auth/session";
import { NO_GROUP } from "@/lib/server/platform/scope";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Meta"))("groups") };
}

export default async function GroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = groupFiltersFromSearch(await searchParams);
  const user = await currentUser();
  const queryClient = new QueryClient();
  const query = listGroupsQuerySchema.safeParse(filters);
  // A failed prefetch is not fatal: the browser asks again and shows the error with a retry.
  if (query.success)
    await queryClient.prefetchQuery({ queryKey: groupKeys.list(filters), queryFn: () => listGroups(query.data, user ?? NO_GROUP) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <GroupsView canCreate={user ? canCreateGroup(user) : false} />
    </HydrationBoundary>
  );
}
