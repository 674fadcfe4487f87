import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueryProvider } from "@/components/query-provider";
import { NeedsRole } from "@/components/layout/needs-role";
import { UsersView } from "@/components/users/users-view";
import { userKeys } from "@/lib/client/query-keys";
import { canManageUsers, listUsersQuerySchema } from "@/lib/schemas/user";
import { currentUser } from "@/lib/server/auth/session";
import { listUsers } from "@/lib/server/accounts/manage";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Meta"))("users") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await currentUser();
  if (!user || !canManageUsers(user)) return <NeedsRole role="admin" title={(await getTranslations("Meta"))("users")} />;
  const { cursor } = await searchParams;
  const filters = typeof cursor === "string" && cursor ? { cursor } : {};
  const queryClient = new QueryClient();
  const query = listUsersQuerySchema.safeParse(filters);
  if (query.success) await queryClient.prefetchQuery({ queryKey: userKeys.list(filters), queryFn: () => listUsers(query.data) });
  return (
    <QueryProvider>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <UsersView currentUserId={user.id} />
      </HydrationBoundary>
    </QueryProvider>
  );
}
