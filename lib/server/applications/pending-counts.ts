import "server-only";
import type { ImGateway } from "@/lib/im/gateway";
import { crawlDirectory, setPendingCounts } from "@/lib/server/directory";
import type { Store } from "@/lib/server/store/store";
import { closeApplicationsOfGoneGroups } from "./group-gone";
import { fillGroupTypes } from "./inbox/repo";
import { refoldSearchText } from "./model/refold";
import { log } from "@/lib/server/platform/log";
import { applicationSourceFor } from "./source";

/** Pending applications per group (one, or all) into the directory, from wherever applications live. */
export async function refreshPendingCounts(db: Store, im: ImGateway, groupId?: string): Promise<void> {
  const counts = await (await applicationSourceFor(db, im)).pendingCounts(groupId);
  if (counts) await setPendingCounts(db, counts, { resetOthers: !groupId });
}

/**
 * A full crawl of the directory, then the applications of groups it found gone are closed, the applications
 * model is reconciled with the IM server where it can be (docs/applications-model.md § Reconcile) and takes the
 * types of groups it did not know, and every group's pending count is read (the one thing the crawl cannot read).
 */
export function crawlDirectoryAndCount(db: Store, im: ImGateway): Promise<boolean> {
  return crawlDirectory(db, im, async () => {
    await closeApplicationsOfGoneGroups(db);
    const source = await applicationSourceFor(db, im);
    await source.reconcile().catch((err: unknown) => log("error", "applications reconcile failed", { error: err }));
    await fillGroupTypes(db);
    await refoldSearchText(db);
    await refreshPendingCounts(db, im);
  });
}
