import "server-only";
import type { Application } from "@/lib/schemas/application";
import { groupTypeSchema } from "@/lib/schemas/group";

/** One application as the model keeps it (table inbox_applications; docs/applications-model.md). */
export type ModelRow = {
  id: number | string;
  group_id: string;
  requester_id: string;
  message: string;
  status: "pending" | "approved" | "refused" | "closed";
  created_at: string;
  handled_by: string | null;
  handled_at: string | null;
  reason: string | null;
  group_type: string | null;
  requester_nickname: string;
  requester_face_url: string;
  handled_via: "console" | "app" | "rule" | null;
  rule_id: string | null;
  held_by_rule: string | null;
  reversed_by?: string | null;
  reversed_at?: string | null;
};

/** A row with what the queue shows beside it, read in the same query. */
export type ListedRow = ModelRow & { refused_before?: number | boolean; has_note?: number | boolean; held_rule_name?: string | null };

/** The row in the console's shape; closed rows are shown as what they last were to the caller (never listed). */
export function toApplication(row: ListedRow, groupName: string, status: Application["status"]): Application {
  const type = groupTypeSchema.safeParse(row.group_type);
  const flags: NonNullable<Application["flags"]> = [];
  if (row.refused_before) flags.push("refusedBefore");
  if (row.has_note) flags.push("note");
  const held = Boolean(row.held_by_rule) && row.status === "pending";
  if (held) flags.push("held");
  return {
    id: String(row.id),
    groupId: row.group_id,
    groupName,
    requesterId: row.requester_id,
    requesterNickname: row.requester_nickname,
    requesterFaceUrl: row.requester_face_url,
    message: row.message,
    status,
    createdAt: row.created_at,
    ...(row.handled_by ? { handledBy: row.handled_by } : {}),
    ...(row.handled_at ? { handledAt: row.handled_at } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    ...(type.success ? { groupType: type.data } : {}),
    ...(row.handled_via && status !== "pending" ? { handledVia: row.handled_via } : {}),
    ...((row.rule_id ?? row.held_by_rule) ? { ruleId: (row.rule_id ?? row.held_by_rule)! } : {}),
    ...(held && row.held_rule_name ? { ruleName: row.held_rule_name } : {}),
    ...(row.reversed_by && row.reversed_at ? { reversal: { by: row.reversed_by, at: row.reversed_at } } : {}),
    flags,
  };
}
