// GET /api/views — the user's saved views of the queue with live counts · POST — save one (at most 20)
import { z } from "zod";
import { createViewSchema, savedViewSchema } from "@/lib/schemas/view";
import { createView, listViews } from "@/lib/server/applications/views";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "viewer",
      summary: "Your saved views of the queue, each with how many applications it holds now",
      output: z.object({ items: z.array(savedViewSchema) }),
    },
    ({ actor }) => listViews(actor),
  ),
  POST: route(
    {
      role: "viewer",
      summary: "Save the queue's filters under a name (at most 20 views each)",
      body: createViewSchema,
      output: savedViewSchema,
      status: 201,
    },
    ({ body, actor }) => createView(body, actor),
  ),
});
