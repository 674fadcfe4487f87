// GET /api/directory — the group directory's crawl status (last full crawl, progress)
import { getContext } from "@/lib/server/platform/context";
import { crawlStatus } from "@/lib/server/directory";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: route({ role: "viewer", summary: "The group directory's crawl status (last full crawl, progress)" }, () =>
    crawlStatus(getContext().db),
  ),
});
