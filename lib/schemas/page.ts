import { z } from "zod";

/**
 * Every list the BFF answers: one page of items, the cursor of the next (null at the end), and the total.
 * `totalExact` (the groups list): false when the total is a lower bound, as for a search matching more than
 * 10,000 groups (docs/directory.md § Totals); absent means exact.
 */
export type Page<T> = { items: T[]; nextCursor: string | null; total: number; totalExact?: boolean };

/** The same as a schema, for routes that declare what they answer. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int(), totalExact: z.boolean().optional() });
