import { z } from "zod";

/** Every list the BFF answers: one page of items, the cursor of the next (null at the end), and the total. */
export type Page<T> = { items: T[]; nextCursor: string | null; total: number };

/** The same as a schema, for routes that declare what they answer. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int() });
