import "server-only";
import type { Application } from "@/lib/schemas/application";
import { placeholders, type Store } from "@/lib/server/store/store";

export type GroupFill = { members: number; max: number };

/** Members and member limit of each group, from the directory (kept current by member webhooks): one query. */
export async function groupFills(db: Store, groupIds: readonly string[]): Promise<Map<string, GroupFill>> {
  const ids = [...new Set(groupIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.all<{ id: string; member_count: number; max_member_count: number }>(
    `SELECT id, member_count, max_member_count FROM directory_groups WHERE id IN (${placeholders(ids.length)})`,
    ids,
  );
  return new Map(rows.map((r) => [r.id, { members: Number(r.member_count), max: Number(r.max_member_count) }]));
}

/** Each application with its group's fill, so the inbox shows "20 / 20" before an approval is tried. */
export async function withGroupFill(db: Store, items: Application[]): Promise<Application[]> {
  const fills = await groupFills(
    db,
    items.map((a) => a.groupId),
  );
  return items.map((a) => {
    const fill = fills.get(a.groupId);
    return fill ? { ...a, groupFill: fill } : a;
  });
}
