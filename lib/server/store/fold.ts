/**
 * Text as searches compare it: compatibility forms folded (ｓｐａｍ is spam, ｶ is カ) and lower-cased, so a
 * search is case- and width-insensitive in every script. Stored beside the text it folds, and applied to the query.
 */
export const fold = (s: string) => s.normalize("NFKC").toLowerCase();
