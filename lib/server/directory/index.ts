import "server-only";
export { crawlDirectory, crawlStatus, refreshPendingCounts, type CrawlStatus } from "./crawl";
export { queryDirectory } from "./list";
export { countDownPending, getDirectoryGroup, removeGroup, upsertGroups } from "./repo";
