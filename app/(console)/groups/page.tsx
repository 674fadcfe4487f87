import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import { GroupsView } from "@/components/groups/groups-view";
import type { ErrorBody } from "@/components/groups/groups-error";
import { groupFiltersFromSearch } from "@/lib/client/query-keys";
import { listGroupsQuerySchema } from "@/lib/schemas/group";
import { reasonOfIssue } from "@/lib/schemas/issues";
import { canCreateGroup } from "@/lib/schemas/user";
import { listGroups } from "@/lib/server/groups/groups";
import { currentUser } from "@/lib/server/auth/session";
import { ApiError } from "@/lib/server/platform/api-error";
import { log } from "@/lib/server/platform/log";
import { NO_GROUP } from "@/lib/server/platform/scope";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Meta"))("groups") };
}

/** What GET /api/groups would answer for this failure, in the error contract, for the page to say in words. */
function errorBody(err: unknown): ErrorBody {
  if (err instanceof ZodError) {
    const fields = err.issues.map((i) => ({ path: i.path.join("."), message: i.message, ...reasonOfIssue(i) }));
    return { status: 422, code: "validation", message: `${fields[0]?.path}: ${fields[0]?.message}`, details: { fields } };
  }
  if (err instanceof ApiError) return { status: err.status, ...err.toBody().error };
  log("error", "unexpected error drawing the groups list", { error: err });
  return { status: 500, code: "internal", message: "Something went wrong on our side" };
}

// The list is read and drawn on the server: the browser gets the table, not a cache (docs/front-end.md).
export default async function GroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = groupFiltersFromSearch(await searchParams);
  const user = await currentUser();
  let list = null;
  let error: ErrorBody | null = null;
  try {
    list = await listGroups(listGroupsQuerySchema.parse(filters), user ?? NO_GROUP);
  } catch (err) {
    error = errorBody(err);
  }
  return <GroupsView filters={filters} list={list} error={error} canCreate={user ? canCreateGroup(user) : false} />;
}
