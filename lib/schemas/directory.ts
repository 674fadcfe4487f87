/** `GET /api/directory`: where the console's copy of the group directory stands. */
export type DirectoryStatus = {
  running: boolean;
  seen: number;
  total: number | null;
  lastFullCrawlAt: string | null;
  error: string | null;
  /** The crawl under way (or the last) picked up where a cut-short one had stopped; `seen` counts from its start. */
  resumed?: boolean;
};
