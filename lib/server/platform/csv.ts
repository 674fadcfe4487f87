// Spreadsheet apps run a cell that starts with one of these as a formula (CSV injection); a leading
// apostrophe makes them show it as text. Group names and messages come from app users, so this matters. The
// full-width forms count too (＝＋－＠): Japanese and Chinese spreadsheet apps may read them as the ASCII ones, and
// leading spaces are skipped by some before they look.
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF, with quotes doubled. */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRecord(values: readonly (string | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** Excel reads a CSV without a byte-order mark as the local code page and garbles Japanese and Chinese. */
export const UTF8_BOM = "\uFEFF";

/** How a streamed export ended: read to the end, stopped by the client, or failed on the way. */
export type CsvOutcome = { rows: number; ms: number; outcome: "done" | "cancelled" | "failed"; error?: unknown };

/**
 * A CSV download read a batch at a time as the client takes it (BOM and header first): an export of any size
 * never sits in memory whole, and a client that stops reading stops the reads. `next` answers the records of
 * one batch and whether there are more; `onEnd` hears once how it ended.
 */
export function csvStream(
  columns: readonly string[],
  next: () => Promise<{ records: (string | null | undefined)[][]; more: boolean }>,
  onEnd: (o: CsvOutcome) => void = () => {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const started = performance.now();
  let rows = 0;
  let header = true;
  const end = (outcome: CsvOutcome["outcome"], error?: unknown) =>
    onEnd({ rows, ms: Math.round(performance.now() - started), outcome, ...(error ? { error } : {}) });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = header ? UTF8_BOM + csvRecord(columns) : "";
        header = false;
        try {
          // A batch the filters emptied gives nothing to send: read on rather than wake the client for nothing.
          let more = true;
          while (more && text === "") {
            const batch = await next();
            for (const r of batch.records) text += csvRecord(r);
            rows += batch.records.length;
            more = batch.more;
          }
          if (text) controller.enqueue(encoder.encode(text));
          if (!more) {
            controller.close();
            end("done");
          }
        } catch (err) {
          end("failed", err);
          controller.error(err);
        }
      },
      cancel: () => end("cancelled"),
    },
    // One batch ahead at most: the reads keep pace with the client.
    { highWaterMark: 1 },
  );
}
