import "server-only";
import type { ImGateway } from "@/lib/im/gateway";
import type { Store } from "@/lib/server/store/store";
import { closeUnknown, mirrorApplications, pendingIds } from "./mirror";

// The IM server's page size for applications, and what one read by ID carries.
const PAGE = 100;

/**
 * Local mode: brings the model in line with the IM server (docs/applications-model.md § Reconcile), at start and
 * after each directory crawl, for whatever the webhooks missed (the console was down, a webhook was lost):
 *  1. every pending application the IM server has is copied;
 *  2. every application the model thinks pending but the IM server does not list as pending is read by ID
 *     (decided meanwhile, or gone with its group);
 *  3. history, newest first, until a page that changes nothing: the first reconcile imports everything ever
 *     decided, so history is there from the first page; later ones read a page or two.
 */
export async function reconcileApplications(db: Store, im: ImGateway): Promise<{ changed: number }> {
  let changed = 0;
  const pendingOnIm = new Set<string>();
  let next: string | undefined;
  do {
    const page = await im.listApplications({ status: "pending", limit: PAGE, next });
    for (const a of page.items) pendingOnIm.add(a.id);
    changed += await mirrorApplications(db, page.items);
    next = page.next || undefined;
  } while (next);

  for (let after = 0; ; ) {
    const ids = await pendingIds(db, after, PAGE);
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    const missing = ids.map(String).filter((id) => !pendingOnIm.has(id));
    if (missing.length === 0) continue;
    const found = await im.getApplications(missing);
    changed += await mirrorApplications(db, found);
    const known = new Set(found.map((a) => a.id));
    changed += await closeUnknown(
      db,
      missing.filter((id) => !known.has(id)),
    );
  }

  next = undefined;
  let pageChanged: number;
  do {
    const page = await im.listApplications({ limit: PAGE, next });
    pageChanged = await mirrorApplications(db, page.items);
    changed += pageChanged;
    next = page.next || undefined;
  } while (next && pageChanged > 0);
  return { changed };
}
