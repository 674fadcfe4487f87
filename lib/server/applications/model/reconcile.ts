import "server-only";
import type { ImGateway } from "@/lib/im/gateway";
import { readState, writeState } from "@/lib/server/directory";
import type { Store } from "@/lib/server/store/store";
import { closeUnknown, mirrorApplications, pendingIds } from "./mirror";

// The IM server's page size for applications, and what one read by ID carries.
const PAGE = 100;
/** When the last complete reconcile started; history older than that (less this margin) is known already. */
const RECONCILED_AT = "applications.reconciledAt";
const CLOCK_MARGIN_MS = 60 * 60 * 1000;

/**
 * Local mode: brings the model in line with the IM server (docs/applications-model.md § Reconcile), at start and
 * after each directory crawl, for whatever the webhooks missed (the console was down, a webhook was lost):
 *  1. every pending application the IM server has is copied;
 *  2. every application the model thinks pending but the IM server does not list as pending is read by ID
 *     (decided meanwhile, or gone with its group);
 *  3. history, newest first: the first reconcile reads all of it (so history is there from the first page);
 *     later ones only what arrived since the last one began (older applications were either copied then, or
 *     pending in the copy and so read in step 2).
 */
export async function reconcileApplications(db: Store, im: ImGateway): Promise<{ changed: number }> {
  const startedAt = new Date().toISOString();
  const last = await readState(db, RECONCILED_AT);
  const knownBefore = last ? new Date(Date.parse(last) - CLOCK_MARGIN_MS).toISOString() : null;
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
  let reachedKnown = false;
  do {
    const page = await im.listApplications({ limit: PAGE, next });
    changed += await mirrorApplications(db, page.items);
    reachedKnown = knownBefore !== null && page.items.some((a) => a.createdAt < knownBefore);
    next = page.next || undefined;
  } while (next && !reachedKnown);
  await writeState(db, RECONCILED_AT, startedAt);
  return { changed };
}
