import "server-only";
import { removeGroup } from "@/lib/server/directory";
import type { Store } from "@/lib/server/store/store";
import { closeApplicationsOfUnknownGroups, closeGroupApplications } from "./inbox/repo";

/**
 * A group is gone (dismissed here, or found missing): out of the directory, and in the same transaction its
 * pending applications in the console's inbox are closed. Every feature that learns of a gone group calls this.
 */
export function forgetGroup(db: Store, groupId: string): Promise<void> {
  return removeGroup(db, groupId, (tx, at) => closeGroupApplications(tx, groupId, at).then(() => undefined));
}

/**
 * After a complete crawl removed the groups it did not see: their pending applications are closed. Apart from
 * the crawl's own transaction, so a crash in between leaves them pending until the next complete crawl.
 */
export async function closeApplicationsOfGoneGroups(db: Store): Promise<void> {
  await closeApplicationsOfUnknownGroups(db, new Date().toISOString());
}
