import "server-only";
import type { z } from "zod";
import { groupIdSchema } from "@/lib/schemas/group";
import { userIdSchema } from "@/lib/schemas/member";

/** A group's routes: /api/groups/{id} and what is under it (not /api/groups.csv, a list). */
export const GROUP_ROUTE = /^\/api\/groups\/[^/]+(?:\/|$)/;

/**
 * The schemas of the path segments that reach the IM server as they are: a group's ID (on a group's routes) and an
 * app user's ID. A forged segment (too long, not ASCII) is answered 400 by the route wrapper before any store read or
 * IM call, like any other bad input — never passed on for the IM server to judge.
 */
export function pathParamSchemas(pathname: string, params: Record<string, string>): [string, z.ZodType][] {
  const checks: [string, z.ZodType][] = [];
  if (params.id !== undefined && GROUP_ROUTE.test(pathname)) checks.push(["id", groupIdSchema]);
  if (params.userId !== undefined) checks.push(["userId", userIdSchema]);
  return checks;
}
