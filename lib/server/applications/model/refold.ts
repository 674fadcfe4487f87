import "server-only";
import { readState, writeState } from "@/lib/server/directory";
import type { Store } from "@/lib/server/store/store";
import { searchText } from "./filters";

const DONE = "applications.searchTextFolded";
const PAGE = 1000;

/**
 * Once per store: the search text of applications kept before searching existed is folded here, in code —
 * the migration could only lower-case ASCII in SQL — so they are found in any case, width and script too.
 */
export async function refoldSearchText(db: Store): Promise<number> {
  if (await readState(db, DONE)) return 0;
  let after = 0;
  let changed = 0;
  for (;;) {
    const rows = await db.all<{ id: number | string; requester_id: string; requester_nickname: string; message: string }>(
      "SELECT id, requester_id, requester_nickname, message FROM inbox_applications WHERE id > ? ORDER BY id LIMIT ?",
      [after, PAGE],
    );
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of rows)
        changed += await tx.run("UPDATE inbox_applications SET search_text = ? WHERE id = ? AND search_text <> ?", [
          searchText(r.requester_id, r.requester_nickname, r.message),
          r.id,
          searchText(r.requester_id, r.requester_nickname, r.message),
        ]);
    });
    after = Number(rows[rows.length - 1].id);
  }
  await writeState(db, DONE, new Date().toISOString());
  return changed;
}
