import "server-only";
import { applicationFiltersSchema } from "@/lib/schemas/application";
import { VIEWS_MAX, type SavedView } from "@/lib/schemas/view";
import type { Actor } from "@/lib/server/platform/actor";
import { ApiError } from "@/lib/server/platform/api-error";
import { getContext } from "@/lib/server/platform/context";
import { scopedGroupIds } from "@/lib/server/platform/scope";
import { countSelection } from "./model/filters";

// Saved views of the queue, each console user's own (docs/contracts.md § Saved views). Personal, like a
// bookmark: not audited, and nobody else's views are listed, counted or deletable.

type ViewRow = { id: number | string; user_id: number | string; name: string; filters: string; created_at: string };

/** The user's views, oldest first (the order of the tabs), each with how many applications it holds now. */
export async function listViews({ user }: Actor): Promise<{ items: SavedView[] }> {
  const { db } = getContext();
  const rows = await db.all<ViewRow>("SELECT * FROM saved_views WHERE user_id = ? ORDER BY id", [Number(user.id)]);
  const items: SavedView[] = [];
  for (const r of rows) {
    // Filters were valid when saved; a view the schema no longer accepts is shown empty rather than failing the list.
    const parsed = applicationFiltersSchema.safeParse(JSON.parse(r.filters));
    const filters = parsed.success ? parsed.data : applicationFiltersSchema.parse({});
    items.push({
      id: String(r.id),
      name: r.name,
      filters,
      // A scoped user's count is of their groups alone, as their queue lists them (docs/scopes.md).
      count: parsed.success ? await countSelection(db, { ...filters, within: scopedGroupIds(user) }) : 0,
      createdAt: r.created_at,
    });
  }
  return { items };
}

export async function createView({ name, filters }: { name: string; filters: SavedView["filters"] }, { user }: Actor): Promise<SavedView> {
  const { db } = getContext();
  const row = await db.transaction(
    async (tx) => {
      // Counted inside the write, one save per user at a time (on PostgreSQL too), so two at once cannot make a 21st.
      const n = Number(
        (await tx.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM saved_views WHERE user_id = ?", [Number(user.id)]))!.n,
      );
      if (n >= VIEWS_MAX)
        throw ApiError.because("conflict", "tooManyViews", `You have ${VIEWS_MAX} saved views already; delete one first`, {
          max: VIEWS_MAX,
        });
      return tx.get<ViewRow>("INSERT INTO saved_views (user_id, name, filters, created_at) VALUES (?, ?, ?, ?) RETURNING *", [
        Number(user.id),
        name,
        JSON.stringify(filters),
        new Date().toISOString(),
      ]);
    },
    { serializeOn: `views:${user.id}` },
  );
  return {
    id: String(row!.id),
    name,
    filters,
    count: await countSelection(db, { ...filters, within: scopedGroupIds(user) }),
    createdAt: row!.created_at,
  };
}

export async function deleteView({ id }: { id: string }, { user }: Actor): Promise<void> {
  const { db } = getContext();
  const n = /^[1-9]\d{0,15}$/.test(id) ? Number(id) : null;
  const deleted = n === null ? 0 : await db.run("DELETE FROM saved_views WHERE id = ? AND user_id = ?", [n, Number(user.id)]);
  if (deleted === 0) throw ApiError.because("not_found", "viewNotFound", "You have no saved view with that ID");
}
