// GET /api/health — liveness, with whether the IM server and the store answer (no session needed; nothing of
// the configuration, and from a check at most 2 s old, so that asking costs the IM server nothing more)
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  return NextResponse.json(await checkHealth(), { headers: { "cache-control": "no-store" } });
}
