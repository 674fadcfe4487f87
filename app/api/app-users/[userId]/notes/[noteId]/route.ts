// DELETE /api/app-users/{userId}/notes/{noteId} — by the note's author or an admin.
import { deleteNote } from "@/lib/server/app-users/notes";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  DELETE: route({ role: "moderator", summary: "Delete a note: its author, or an admin", status: 204 }, async ({ params, actor }) => {
    await deleteNote({ userId: params.userId, noteId: params.noteId }, actor);
  }),
});
