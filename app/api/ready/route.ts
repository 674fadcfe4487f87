// GET /api/ready — 200 when the IM server and the store answer, else 503 (no session needed; for load balancers)
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/server/health";
import { isShuttingDown } from "@/lib/server/shutdown";

export const dynamic = "force-dynamic";

export async function GET() {
  // A stopping instance says so first, so the balancer drains it before it closes.
  const health = isShuttingDown() ? null : await checkHealth();
  const ready = health !== null && health.im.ok && health.store.ok;
  return NextResponse.json(health ?? { status: "stopping" }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
