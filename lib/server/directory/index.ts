import "server-only";
export { crawlDirectory, crawlStatus, type CrawlStatus } from "./crawl";
export { queryDirectory } from "./list";
export { countDownPending, getDirectoryGroup, removeGroup, setPendingCounts, upsertGroups } from "./repo";
