import { z } from "zod";
import { applicationSchema } from "./application";
import { because } from "./issues";
import { utf8Bytes } from "./utf8";

// An app user as a moderator deciding their application sees them (docs/contracts.md § Applicant context).

export const noteSchema = z.object({ id: z.string(), text: z.string(), author: z.string(), createdAt: z.string() });
export type Note = z.infer<typeof noteSchema>;

export const NOTE_MAX_BYTES = 1000;
export const createNoteSchema = z
  .object({
    text: z
      .string()
      .refine((v) => v.trim().length > 0, because("noteEmpty", "Write the note first"))
      .refine((v) => utf8Bytes(v) <= NOTE_MAX_BYTES, because("noteBytes", "A note is at most 1,000 bytes", { max: NOTE_MAX_BYTES })),
  })
  .strict();

export const appUserContextSchema = z.object({
  user: z.object({ id: z.string(), nickname: z.string(), faceUrl: z.string(), exists: z.boolean() }),
  applications: z.object({
    total: z.number().int(),
    pending: z.number().int(),
    approved: z.number().int(),
    refused: z.number().int(),
    /** At most 20, newest first, every group. */
    recent: z.array(applicationSchema),
  }),
  groups: z.object({
    total: z.number().int(),
    items: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), role: z.string() })),
  }),
  /**
   * Their mutes in the groups listed above and the bans the console made that still hold (docs/contracts.md §
   * Applicant context); `until` null is forever.
   */
  sanctions: z.array(
    z.object({ groupId: z.string(), kind: z.enum(["mute", "ban"]), until: z.string().nullable(), reason: z.string().optional() }),
  ),
  notes: z.array(noteSchema),
});
export type AppUserContext = z.infer<typeof appUserContextSchema>;
