// GET /api/groups/{id}/events — the group's recent changes made through the console
import { recentGroupEvents } from "@/lib/server/groups/events";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({ role: "viewer", summary: "The group's recent changes made through the console" }, async ({ params }) => ({
    items: await recentGroupEvents(params.id),
  })),
});
