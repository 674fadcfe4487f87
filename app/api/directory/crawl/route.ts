// POST /api/directory/crawl — start a full crawl of the IM server into the group directory (answers at once)
import { z } from "zod";
import { getContext } from "@/lib/server/platform/context";
import { crawlDirectoryAndCount } from "@/lib/server/applications/pending-counts";
import { crawlStatus } from "@/lib/server/directory";
import { log } from "@/lib/server/platform/log";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "admin",
      summary: "Start a full crawl of the IM server into the group directory (answers at once, with its status)",
      body: z.object({}).strict(),
      status: 202,
    },
    () => {
      const { db, im } = getContext();
      crawlDirectoryAndCount(db, im).catch((err) => log("error", "directory crawl failed", { error: err }));
      return crawlStatus(db);
    },
  ),
});
