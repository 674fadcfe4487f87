// GET /api/groups.csv — the groups list, with its filters, as a CSV download, streamed
import { groupsCsvQuerySchema } from "@/lib/schemas/exports";
import { exportGroupsCsv } from "@/lib/server/groups/exports";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route(
    {
      role: "viewer",
      summary: "The groups list, with its filters, as a CSV download, streamed",
      description: [
        "The query of `GET /api/groups` without `cursor` and `limit`: every matching group, in the list's order.",
        "RFC 4180, UTF-8 with a byte-order mark; a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading",
        "apostrophe so spreadsheets show it as text. Columns: id, name, type, joinOption, memberCount, maxMembers,",
        "owner, pending (empty when unknown), createdAt, muteAll, introduction.",
      ].join(" "),
      query: groupsCsvQuerySchema,
      produces: "text/csv",
    },
    ({ query, actor }) => exportGroupsCsv(query, actor),
  ),
});
