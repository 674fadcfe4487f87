// GET /api/users — list console users · POST /api/users — add a console user
import { NextResponse } from "next/server";
import { createUserSchema, listUsersQuerySchema } from "@/lib/schemas/user";
import { route } from "@/lib/server/route";
import { createConsoleUser, listUsers } from "@/lib/server/users-service";

export const GET = route({ role: "admin", query: listUsersQuerySchema }, ({ query }) => listUsers(query));

export const POST = route({ role: "admin", body: createUserSchema }, async ({ body, user, requestId }) =>
  NextResponse.json(await createConsoleUser(body, user, requestId), { status: 201 }),
);
