import { z } from "zod";
import { applicationFiltersSchema } from "./application";
import { VIEWS_MAX } from "./constants";

export { VIEWS_MAX };

// Saved views of the queue (docs/contracts.md § Saved views): a name and the queue's filters, per console user.

export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  filters: applicationFiltersSchema,
  /** How many applications the view holds now. */
  count: z.number().int(),
  createdAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const createViewSchema = z
  .object({
    name: z.string().trim().min(1, "Give the view a name").max(60, "A view's name is at most 60 characters"),
    filters: applicationFiltersSchema,
  })
  .strict();
