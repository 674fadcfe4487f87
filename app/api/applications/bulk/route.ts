// POST /api/applications/bulk — approve or refuse up to 100 applications; one result per id, in order
import { bulkApplicationsSchema } from "@/lib/schemas/application";
import { handleApplications } from "@/lib/server/applications-service";
import { route } from "@/lib/server/route";

export const POST = route({ role: "moderator", body: bulkApplicationsSchema }, ({ body, user, requestId }) =>
  handleApplications(body.ids, body.action === "approve", body.reason, { actor: user, requestId }),
);
