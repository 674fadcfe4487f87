import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueryProvider } from "@/components/query-provider";
import { AccountView } from "@/components/account/account-view";
import { meKeys } from "@/lib/client/query-keys";
import { getEnv } from "@/lib/server/platform/env";
import { getMe } from "@/lib/server/accounts/me";
import { currentUser } from "@/lib/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Meta"))("account") };
}

export default async function AccountPage() {
  const user = await currentUser();
  const queryClient = new QueryClient();
  if (user) await queryClient.prefetchQuery({ queryKey: meKeys.all, queryFn: () => getMe({ user }) });
  return (
    <QueryProvider>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AccountView sso={getEnv().oidc ? { name: getEnv().oidc!.name } : null} />
      </HydrationBoundary>
    </QueryProvider>
  );
}
