// POST /api/directory/crawl — start a full crawl of the IM server into the group directory (answers at once)
import { NextResponse } from "next/server";
import { z } from "zod";
import { getContext } from "@/lib/server/context";
import { crawlDirectory, crawlStatus } from "@/lib/server/directory";
import { log } from "@/lib/server/log";
import { route } from "@/lib/server/route";

export const POST = route({ role: "admin", body: z.object({}).strict() }, async () => {
  const { db, im } = getContext();
  crawlDirectory(db, im).catch((err) => log("error", "directory crawl failed", { error: err }));
  return NextResponse.json(await crawlStatus(db), { status: 202 });
});
