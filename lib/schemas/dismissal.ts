import { z } from "zod";
import { utf8Bytes } from "./utf8";

/** POST /api/groups/{id}/dismissal (docs/contracts.md § Dismissal with undo). */
export const scheduleDismissalSchema = z
  .object({
    /** Seconds until it is carried out (0–60, default 10): the time an Undo has. */
    delaySeconds: z.number().int().min(0).max(60).optional(),
    reason: z
      .string()
      .refine((r) => utf8Bytes(r) <= 300, "At most 300 bytes in UTF-8")
      .optional(),
  })
  .strict();

export const scheduledDismissalSchema = z.object({ scheduledFor: z.string() });
export const cancelledDismissalSchema = z.object({ cancelled: z.literal(true) });
