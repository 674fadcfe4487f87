// GET /api/groups/{id}/events — the group's recent changes made through the console
import { recentGroupEvents } from "@/lib/server/audit-service";
import { route } from "@/lib/server/route";

export const GET = route({ role: "viewer" }, async ({ params }) => ({ items: await recentGroupEvents(params.id) }));
