import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueryProvider } from "@/components/query-provider";
import { NeedsRole } from "@/components/layout/needs-role";
import { RulesView } from "@/components/rules/rules-view";
import { ruleKeys } from "@/lib/client/query-keys";
import { canModerate, roleAtLeast } from "@/lib/schemas/user";
import { currentUser } from "@/lib/server/auth/session";
import { listRules } from "@/lib/server/rules/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rules"))("title") };
}

export default async function RulesPage() {
  const user = await currentUser();
  if (!user || !canModerate(user)) return <NeedsRole role="moderator" title={(await getTranslations("rules"))("title")} />;
  const queryClient = new QueryClient();
  // A failed prefetch is not fatal: the browser asks again and shows the error with a retry.
  await queryClient.prefetchQuery({ queryKey: ruleKeys.list(), queryFn: () => listRules(user) }).catch(() => undefined);
  return (
    <QueryProvider>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RulesView canWrite={roleAtLeast(user.role, "admin")} />
      </HydrationBoundary>
    </QueryProvider>
  );
}
