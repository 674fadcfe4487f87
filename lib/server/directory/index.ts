import "server-only";
// The directory's public surface: what other features may use (docs/architecture.md § Modules).
export { CRAWL_LEASE_MS, crawlDirectory, crawlStatus, type CrawlStatus } from "./crawl";
export { withGroupFill } from "./fill";
export { queryDirectory } from "./list";
export {
  countDownPending,
  countMembersUp,
  getDirectoryGroup,
  knownGroupIds,
  readState,
  removeGroup,
  setPendingCounts,
  upsertGroups,
  writeState,
} from "./repo";
