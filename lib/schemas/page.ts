/** Every list the BFF answers: one page of items, the cursor of the next (null at the end), and the total. */
export type Page<T> = { items: T[]; nextCursor: string | null; total: number };
