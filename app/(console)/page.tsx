import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { moderationStatsQuerySchema } from "@/lib/schemas/stats";
import { currentUser } from "@/lib/server/auth/session";
import { moderationStats } from "@/lib/server/stats/moderation";
import { NO_GROUP } from "@/lib/server/platform/scope";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Meta"))("dashboard") };
}

/** The moderation dashboard: statistics read on the server and drawn there, charts included. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { days } = await searchParams;
  // A period the API would refuse (or none) shows the default week rather than an error page.
  const query = moderationStatsQuerySchema.safeParse(typeof days === "string" ? { days } : {});
  const q = query.success ? query.data : moderationStatsQuerySchema.parse({});
  // A scoped user's figures are of their groups alone (docs/scopes.md); without a session, of none.
  return <DashboardView stats={await moderationStats(q, (await currentUser()) ?? NO_GROUP)} days={q.days} />;
}
