// POST /api/app-users/{userId}/notes — a moderator leaves a note on an app user (shared, audited).
import { createNoteSchema, noteSchema } from "@/lib/schemas/app-user";
import { addNote } from "@/lib/server/app-users/notes";
import { route } from "@/lib/server/http/route";
import { methods } from "@/lib/server/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(
    {
      role: "moderator",
      summary: "Leave a note on an app user (1–1,000 bytes), for every moderator to see",
      body: createNoteSchema,
      output: noteSchema,
      status: 201,
    },
    ({ params, body, actor }) => addNote({ userId: params.userId, text: body.text }, actor),
  ),
});
