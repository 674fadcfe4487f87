// GET /api/groups — list groups · POST /api/groups — create a group
import { NextResponse } from "next/server";
import { createGroupSchema, listGroupsQuerySchema } from "@/lib/schemas/group";
import { createGroup, listGroups } from "@/lib/server/groups-service";
import { route } from "@/lib/server/route";

export const GET = route({ role: "viewer", query: listGroupsQuerySchema }, ({ query }) => listGroups(query));

export const POST = route({ role: "admin", body: createGroupSchema }, async ({ body, user, requestId }) =>
  NextResponse.json(await createGroup(body, user, requestId), { status: 201 }),
);
