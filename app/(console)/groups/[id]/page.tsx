import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QueryProvider } from "@/components/query-provider";
import { GroupView } from "@/components/group/group-view";
import { groupKeys } from "@/lib/client/query-keys";
import { canEditGroup, canModerate } from "@/lib/schemas/user";
import { ApiError } from "@/lib/server/platform/api-error";
import { getGroupDetail } from "@/lib/server/groups/admin";
import { currentUser } from "@/lib/server/auth/session";
import { assertGroupInScope, NO_GROUP } from "@/lib/server/platform/scope";

type Props = { params: Promise<{ id: string }> };

// Page params arrive still percent-encoded (route handlers get them decoded); custom IDs may hold # / ? %.
async function groupIdOf(params: Props["params"]): Promise<string> {
  const raw = (await params).id;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await groupIdOf(params) };
}

export default async function GroupPage({ params }: Props) {
  const id = await groupIdOf(params);
  const user = await currentUser();
  const queryClient = new QueryClient();
  try {
    // Another group than a scoped user's is, to them, one that does not exist (docs/scopes.md § Pages).
    assertGroupInScope(user ?? NO_GROUP, id);
    queryClient.setQueryData(groupKeys.detail(id), await getGroupDetail(id));
  } catch (err) {
    if (err instanceof ApiError && err.code === "not_found") notFound();
    // Other failures (IM server down) are shown by the client with a retry.
  }
  return (
    <QueryProvider>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <GroupView id={id} canEdit={user ? canEditGroup(user) : false} canModerate={user ? canModerate(user) : false} />
      </HydrationBoundary>
    </QueryProvider>
  );
}
