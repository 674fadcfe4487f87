// GET /api/groups/{id}/members.csv — a group's members, with the list's filters, as a CSV download, streamed
import { memberFiltersSchema } from "@/lib/schemas/member";
import { exportMembersCsv } from "@/lib/server/groups/exports";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "viewer",
      summary: "The group's members, with the list's filters, as a CSV download, streamed",
      description: [
        "`q`, `role` and `muted` as in `GET /api/groups/{id}/members`, over every member (no 20,000 cap: an export",
        "reads the group to its end). Columns: userId, nickname, role, joinedAt, mutedUntil (empty when not muted,",
        "`forever` for a mute without end). RFC 4180, UTF-8 with a byte-order mark, formula-safe.",
      ].join(" "),
      query: memberFiltersSchema,
      produces: "text/csv",
    },
    ({ params, query, actor }) => exportMembersCsv(params.id, query, actor),
  ),
});
