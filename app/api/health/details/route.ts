// GET /api/health/details — the health body plus the IM server's extensions (admin): how the console is
// configured is for its admins, not for anyone who can reach /api/health
import { checkHealthDetails } from "@/lib/server/health";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "admin" }, () => checkHealthDetails());
