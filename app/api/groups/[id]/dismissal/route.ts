// POST /api/groups/{id}/dismissal — dismiss the group a few seconds from now, with time to undo · DELETE — undo.
// docs/contracts.md § Dismissal with undo; DELETE /api/groups/{id} stays immediate for scripts.
import { cancelledDismissalSchema, scheduleDismissalSchema, scheduledDismissalSchema } from "@/lib/schemas/dismissal";
import { cancelDismissal, scheduleDismissal } from "@/lib/server/groups/dismissal";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "admin",
      summary: "Schedule the group's dismissal `delaySeconds` (0–60, default 10) from now; cancellable until then",
      description:
        "Kept in the store and carried out once, within 2 s after `scheduledFor`, by any instance (after a restart, at once); audited as `group.dismiss_schedule`, then `group.dismiss`. A dismissal already scheduled is 409 `conflict` with `details.scheduledFor`.",
      body: scheduleDismissalSchema,
      output: scheduledDismissalSchema,
      status: 202,
    },
    ({ params, body, actor }) => scheduleDismissal({ id: params.id, delaySeconds: body.delaySeconds, reason: body.reason }, actor),
  ),
  DELETE: route(
    {
      role: "admin",
      summary: "Cancel the group's scheduled dismissal while it is still ahead",
      description: "Once due, under way or done: 409 `conflict`. None scheduled: 404. Audited as `group.dismiss_cancel`.",
      output: cancelledDismissalSchema,
    },
    ({ params, actor }) => cancelDismissal({ id: params.id }, actor),
  ),
});
