import { listGroupsQuerySchema } from "./group";

/**
 * `GET /api/groups.csv`: the groups list's filters and sort, without its paging (the export is every match).
 * Strict, so a cursor or a limit is refused rather than silently ignored.
 */
export const groupsCsvQuerySchema = listGroupsQuerySchema.omit({ cursor: true, limit: true }).strict();

export const GROUPS_CSV_COLUMNS = [
  "id",
  "name",
  "type",
  "joinOption",
  "memberCount",
  "maxMembers",
  "owner",
  "pending",
  "createdAt",
  "muteAll",
  "introduction",
] as const;
