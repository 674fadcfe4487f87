// POST /api/me/sso-link — link single sign-on to one's own account: the identity provider sign-in that follows links it
import { startSsoLink } from "@/lib/server/me-service";
import { route } from "@/lib/server/route";

export const POST = route({ role: "viewer" }, ({ user }) => startSsoLink(user));
