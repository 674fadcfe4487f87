/** One changed key of an audit entry, with both sides as short display text. */
export type AuditChange = { key: string; before?: string; after?: string };

const MAX_TEXT = 80;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// Cut between user-perceived characters, never inside an emoji or a combining sequence.
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function displayValue(v: unknown): string {
  const text = typeof v === "string" ? v : (JSON.stringify(v) ?? "");
  if (text.length <= MAX_TEXT) return text;
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  return parts.length > MAX_TEXT ? `${parts.slice(0, MAX_TEXT - 1).join("")}…` : text;
}

/**
 * What an entry changed, key by key: keys whose value is the same on both sides are left out, a key only
 * after is an addition, only before a removal. Values that are not objects are one change under the key "".
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = before ?? undefined;
  const a = after ?? undefined;
  if (b === undefined && a === undefined) return [];
  if (!(isRecord(b) || b === undefined) || !(isRecord(a) || a === undefined)) {
    return JSON.stringify(b) === JSON.stringify(a) ? [] : [{ key: "", ...side("before", b), ...side("after", a) }];
  }
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
  // On a create, empty fields say nothing: leave them out.
  const empty = (v: unknown) => v === null || v === "";
  return keys
    .filter((k) => JSON.stringify(b?.[k]) !== JSON.stringify(a?.[k]))
    .filter((k) => b !== undefined || !empty(a?.[k]))
    .map((k) => ({ key: k, ...side("before", b?.[k]), ...side("after", a?.[k]) }));
}

const side = (name: "before" | "after", v: unknown) => (v === undefined ? {} : { [name]: displayValue(v) });
