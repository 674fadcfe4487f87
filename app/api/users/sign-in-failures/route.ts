// GET /api/users/sign-in-failures — accounts with failed sign-ins in the last 15 minutes, and from how many addresses (admin)
import { route } from "@/lib/server/route";
import { listSignInFailures } from "@/lib/server/users-service";

export const GET = route({ role: "admin" }, () => listSignInFailures());
