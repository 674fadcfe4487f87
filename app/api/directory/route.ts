// GET /api/directory — the group directory's crawl status (last full crawl, progress)
import { getContext } from "@/lib/server/context";
import { crawlStatus } from "@/lib/server/directory";
import { route } from "@/lib/server/route";

export const GET = route({ role: "viewer" }, () => crawlStatus(getContext().db));
