// POST /api/me/sign-out-everywhere — end every other session of one's own account (this one goes on)
import { clientAddress } from "@/lib/server/client-address";
import { signOutElsewhere } from "@/lib/server/me-service";
import { route } from "@/lib/server/route";

export const POST = route({ role: "viewer" }, ({ req, user, requestId }) => signOutElsewhere(user, { requestId, ip: clientAddress(req.headers) }));
